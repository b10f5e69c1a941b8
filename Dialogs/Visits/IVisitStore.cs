namespace SupervisionBot.Dialogs.Visits;

/// <summary>A stored visit with the concurrency tag it was read with.</summary>
public sealed record StoredVisit(Visit Visit, string ETag);

/// <summary>Visits in storage, found by id, by supervisor and by school without scanning every visit.</summary>
public interface IVisitStore
{
    Task<StoredVisit?> GetAsync(string visitId, CancellationToken cancellationToken);

    /// <summary>Adds new visits (all or, on any failure, a retry may add the rest: ids make it idempotent).</summary>
    Task AddAsync(IReadOnlyCollection<Visit> visits, CancellationToken cancellationToken);

    /// <returns>False when the visit changed since <paramref name="etag"/> was read: read it again and decide again.</returns>
    Task<bool> TryUpdateAsync(Visit visit, string etag, CancellationToken cancellationToken);

    /// <summary>A supervisor's visits starting in [from, to), by start.</summary>
    Task<IReadOnlyList<Visit>> BySupervisorAsync(string supervisorEmail, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken);

    /// <summary>A school's visits starting in [from, to), by start.</summary>
    Task<IReadOnlyList<Visit>> BySchoolAsync(string schoolCode, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps a visit's reminders in step with it: planned when it is scheduled, moved when it moves,
/// dropped when it is cancelled or done. Idempotent, so a repeated import or retry is harmless.
/// </summary>
public interface IVisitReminders
{
    Task PlanAsync(Visit visit, CancellationToken cancellationToken);

    Task DropAsync(Visit visit, CancellationToken cancellationToken);
}
