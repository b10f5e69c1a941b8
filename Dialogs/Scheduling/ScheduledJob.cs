namespace SupervisionBot.Dialogs.Scheduling;

/// <summary>
/// Work due at a moment: a visit reminder, a campaign reminder, a follow-up nudge. The same
/// <see cref="Kind"/> and <see cref="Id"/> are one job, so scheduling it again moves it.
/// </summary>
public sealed record ScheduledJob(string Kind, string Id, DateTimeOffset DueAt, string Payload);

public enum JobState
{
    Pending,
    Done,

    /// <summary>The bot was down past the moment the job was still useful; kept so the owner can see it.</summary>
    TooLate,

    Cancelled,

    /// <summary>Its handler failed on every attempt.</summary>
    Failed,
}

public sealed record JobStatus(ScheduledJob Job, JobState State, DateTimeOffset? FinishedAt);

/// <summary>What a handler made of a due job.</summary>
public enum JobOutcome
{
    Done,
    TooLate,
}

/// <summary>Durable schedule of future work, shared by every bot instance.</summary>
public interface IJobSchedule
{
    Task ScheduleAsync(ScheduledJob job, CancellationToken cancellationToken);

    /// <returns>False when the job was not pending (unknown, already done or cancelled).</returns>
    Task<bool> CancelAsync(string kind, string id, CancellationToken cancellationToken);

    Task<JobStatus?> GetStatusAsync(string kind, string id, CancellationToken cancellationToken);
}

/// <summary>
/// Carries out the jobs of one kind. A job may run again after a crash (its lease expires before it
/// was marked done), so a handler hands work on idempotently, e.g. to the outbox under a message key.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken);
}
