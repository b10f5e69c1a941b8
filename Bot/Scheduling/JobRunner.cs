using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Bot.Scheduling;

public sealed class SchedulerOptions
{
    /// <summary>How often each instance looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed job is left to its instance before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A job whose handler fails this many times is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;
}

/// <summary>
/// Runs what is due. Several instances run this at once: each claims a due row by an ETag-checked
/// lease before handing it on, so one instance runs it; a lease left by a crashed instance expires
/// and another takes the job over. Each hour is looked at through its minute marker (see
/// <see cref="TableJobSchedule"/>): the partition is queried only when a marked minute has come, and a
/// minute is unmarked once it has passed and its jobs are finished. Past hours are retired through a
/// cursor once unmarked, so a pass after downtime walks the missed hours (a point read each) and a
/// pass with nothing due makes two point reads and no query.
/// </summary>
public sealed class JobRunner(
    SupervisionTables tables,
    TableJobSchedule schedule,
    IEnumerable<IJobHandler> handlers,
    IOptions<SchedulerOptions> options,
    ILogger<JobRunner> logger)
{
    /// <summary>A just-past hour stays open this long, for a job filed into it a moment before the hour turned.</summary>
    private static readonly TimeSpan RetireAfter = TimeSpan.FromMinutes(5);

    /// <summary>How long a due row may be seen without its record before it counts as left by a filer that stopped.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(1);

    private const string OrphanSince = "OrphanSince";

    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private enum RunResult
    {
        Finished,
        StillPending,
        Stale,
    }

    /// <summary>Hands on every job due at <paramref name="now"/> that no other instance holds.</summary>
    /// <returns>How many jobs this instance finished (done, too late or failed).</returns>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cursor = await schedule.ReadCursorAsync(cancellationToken);
        var finished = 0;
        var currentHour = TableJobSchedule.ParseHour(TableJobSchedule.Hour(now));
        var retiring = true;
        for (var hour = TableJobSchedule.ParseHour(cursor.Hour); hour <= currentHour; hour = hour.AddHours(1))
        {
            var (ran, pending) = await RunHourAsync(hour, now, cancellationToken);
            finished += ran;
            // Only a run of empty hours from the cursor on can be retired, so the cursor never skips a job.
            retiring &= !pending && hour.AddHours(1) + RetireAfter <= now;
            if (retiring)
            {
                cursor = await schedule.AdvanceCursorAsync(cursor, TableJobSchedule.Hour(hour.AddHours(1)), cancellationToken);
            }
        }
        return finished;
    }

    /// <returns>How many jobs finished, and whether the hour still has jobs (due later, or held or failed for now).</returns>
    private async Task<(int Finished, bool Pending)> RunHourAsync(DateTimeOffset hour, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = TableJobSchedule.Hour(hour);
        if (await schedule.ReadMarksAsync(partition, cancellationToken) is not { } marks)
        {
            return (0, false);
        }
        if (!marks.Minutes.Any(minute => hour.AddMinutes(minute) <= now))
        {
            return (0, true);
        }

        var due = new List<TableEntity>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey le {TableJobSchedule.DueBound(now)}"), cancellationToken: cancellationToken))
        {
            due.Add(row);
        }
        var finished = 0;
        var pending = false;
        foreach (var row in due)
        {
            switch (await TryRunAsync(row, now, cancellationToken))
            {
                case RunResult.Finished:
                    finished++;
                    break;
                case RunResult.StillPending:
                    pending = true;
                    break;
            }
        }
        if (pending)
        {
            return (finished, true);
        }
        // A passed minute's rows are all keyed at or before now, so the query above saw every one of them;
        // the current minute may still get rows due later in it and stays marked.
        var passed = marks.Minutes.Where(minute => hour.AddMinutes(minute + 1) <= now).ToList();
        var cleared = passed.Count == 0 || await schedule.TryClearAsync(marks, passed, cancellationToken);
        return (finished, !cleared || passed.Count < marks.Minutes.Count);
    }

    private async Task<RunResult> TryRunAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.GetDateTimeOffset("LeaseUntil") is { } leaseUntil && leaseUntil > now)
        {
            return RunResult.StillPending;
        }
        var kind = row.GetString("Kind");
        var id = row.GetString("JobId");
        var record = await schedule.ReadRecordAsync(kind, id, cancellationToken);
        if (record is null)
        {
            return await OrphanAsync(row, now, cancellationToken);
        }
        if (record.GetString("State") != nameof(JobState.Pending)
            || record.GetString("DuePartition") != row.PartitionKey || record.GetString("DueRow") != row.RowKey)
        {
            await schedule.DeleteDueRowAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            return RunResult.Stale;
        }

        row["LeaseUntil"] = (now + options.Value.Lease).UtcDateTime;
        row["LeaseOwner"] = _instance;
        ETag claimed;
        try
        {
            claimed = (await tables.Schedule.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag!.Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return RunResult.StillPending;
        }

        var job = new ScheduledJob(kind, id, row.GetDateTimeOffset("DueAt")!.Value, row.GetString("Payload"));
        var attempts = (record.GetInt32("Attempts") ?? 0) + 1;
        record["Attempts"] = attempts;
        var state = await HandleAsync(job, now, attempts, cancellationToken);
        if (state is null)
        {
            // Tried again once the lease runs out.
            await TryUpdateRecordAsync(record, cancellationToken);
            return RunResult.StillPending;
        }

        record["State"] = state.Value.ToString();
        record["FinishedAt"] = now.UtcDateTime;
        // A job moved while it ran keeps its new due row; only this occurrence is closed.
        if (await TryUpdateRecordAsync(record, cancellationToken))
        {
            await schedule.DeleteDueRowAsync(row.PartitionKey, row.RowKey, claimed, cancellationToken);
        }
        return RunResult.Finished;
    }

    /// <summary>
    /// A due row without its record. Filing writes the due row first and the record a moment later, so
    /// this may be a filing under way: the row is marked when first seen so, and dropped only once it
    /// has stayed without a record for <see cref="OrphanGrace"/> (its filer stopped in between).
    /// </summary>
    private async Task<RunResult> OrphanAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (row.GetDateTimeOffset(OrphanSince) is { } since)
        {
            if (now - since < OrphanGrace)
            {
                return RunResult.StillPending;
            }
            await schedule.DeleteDueRowAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            return RunResult.Stale;
        }
        row[OrphanSince] = now.UtcDateTime;
        try
        {
            await tables.Schedule.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Another instance marked, claimed or dropped it first.
        }
        return RunResult.StillPending;
    }

    /// <returns>The job's final state, or null when it failed and has attempts left.</returns>
    private async Task<JobState?> HandleAsync(ScheduledJob job, DateTimeOffset now, int attempt, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            logger.LogError("No handler for scheduled jobs of kind {Kind}; job {Id} is marked failed", job.Kind, job.Id);
            return JobState.Failed;
        }
        try
        {
            return await handler.HandleAsync(job, now, cancellationToken) == JobOutcome.Done ? JobState.Done : JobState.TooLate;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Scheduled job {Kind}/{Id} failed (attempt {Attempt} of {MaxAttempts})", job.Kind, job.Id, attempt, options.Value.MaxAttempts);
            return attempt < options.Value.MaxAttempts ? null : JobState.Failed;
        }
    }

    private async Task<bool> TryUpdateRecordAsync(TableEntity record, CancellationToken cancellationToken)
    {
        try
        {
            await tables.ScheduledJobs.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }
}
