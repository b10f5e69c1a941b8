namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// Moves a visit's status under its ETag: when someone else changed the visit meanwhile (the
/// supervisor cancelled it while its reminder went out), the change is decided again on what is
/// stored now, so neither side overwrites the other.
/// </summary>
public static class VisitStatusUpdate
{
    private const int Attempts = 5;

    /// <param name="change">The visit as it should be, or null to leave it as it is.</param>
    /// <returns>The visit as stored afterwards, or null when it does not exist.</returns>
    public static async Task<Visit?> ApplyAsync(IVisitStore visits, string visitId, Func<Visit, Visit?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await visits.GetAsync(visitId, cancellationToken) is not { } stored)
            {
                return null;
            }
            if (change(stored.Visit) is not { } changed || changed == stored.Visit)
            {
                return stored.Visit;
            }
            if (await visits.TryUpdateAsync(changed, stored.ETag, cancellationToken))
            {
                return changed;
            }
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Visit {visitId} kept changing while its status was being updated.");
            }
        }
    }
}
