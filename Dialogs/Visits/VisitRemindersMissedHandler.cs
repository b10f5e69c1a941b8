using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>At the end of a visit's time window: a visit whose checklist was not submitted is marked missed.</summary>
public sealed class VisitMissedHandler(IVisitStore visits) : IJobHandler
{
    public string Kind => VisitReminders.MissedKind;

    public async Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (visitId, _) = VisitReminders.ReadPayload(job);
        // The window may have moved since this job was filed (an edit kept the id): only a closed window counts.
        await VisitStatusUpdate.ApplyAsync(visits, visitId,
            v => v.IsOpen && v.EndUtc <= now ? v with { Status = VisitStatus.Missed } : null, cancellationToken);
        return JobOutcome.Done;
    }
}
