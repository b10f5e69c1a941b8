using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Bot.Scheduling;

/// <summary>
/// The schedule in Table Storage. A pending job has two rows: its record in <c>ScheduledJobs</c>
/// (by kind and id, the truth about the job) and a due row in <c>Schedule</c>, partitioned by the
/// UTC hour it is filed under and keyed by its due moment. A due row whose record points elsewhere is
/// stale (the job moved or was cancelled) and is dropped when met.
/// <para>
/// Each hour partition also holds one marker row (<see cref="MarkerRow"/>) with a property per minute
/// that has a job filed in it, merged in the same entity-group transaction as the due row. The runner
/// reads the marker with one point read and queries the partition only when a marked minute has come:
/// a pass with nothing due costs two point reads (cursor and marker) however many jobs lie ahead,
/// on Azure and on Azurite alike (Azurite evaluates every query against every row of the table, so a
/// partition query there grows with the whole schedule), and catching up after downtime costs a point
/// read per hour. One marker per hour rather than a row per minute keeps that catch-up at one read an
/// hour, and every merge changes the marker's ETag, which is what makes clearing it safe: the runner
/// clears a minute only after it has passed, after a query found nothing left pending, and only with
/// the ETag it read before that query, so a job filed meanwhile (by another instance, or one whose
/// clock lags) keeps its minute marked.
/// </para>
/// </summary>
public sealed class TableJobSchedule(SupervisionTables tables, TimeProvider time) : IJobSchedule
{
    private const string HourFormat = "yyyyMMddHH";
    private const string MomentFormat = "yyyyMMddHHmmssfff";
    private const string CursorPartition = "~scheduler";
    private const string CursorRow = "cursor";

    /// <summary>Sorts after every due row (whose keys start with digits), so due-row queries never meet it.</summary>
    internal const string MarkerRow = "~minutes";

    private volatile bool _cursorExists;

    public async Task ScheduleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (!_cursorExists)
        {
            await ReadCursorAsync(cancellationToken);
            _cursorExists = true;
        }
        var existing = await ReadRecordAsync(job.Kind, job.Id, cancellationToken);
        var (due, mark, record) = Rows(job, time.GetUtcNow());
        // The due row goes first: a crash before the record is written leaves a stale row the runner
        // drops (after JobRunner.OrphanGrace, since a runner may also see it in the moment before the
        // record is written), never a record without its due row (a job that would silently never run). Its minute's
        // mark goes in the same transaction, so no due row is ever left where the runner will not look.
        await TableBatches.SubmitAsync(tables.Schedule,
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, due),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, mark),
        ], cancellationToken);
        await tables.ScheduledJobs.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
        if (existing is { } old && old.GetString("State") == nameof(JobState.Pending)
            && (old.GetString("DuePartition"), old.GetString("DueRow")) != (due.PartitionKey, due.RowKey))
        {
            await DeleteDueRowAsync(old.GetString("DuePartition"), old.GetString("DueRow"), ETag.All, cancellationToken);
        }
    }

    public async Task<bool> CancelAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var record = await ReadRecordAsync(kind, id, cancellationToken);
        if (record is null || record.GetString("State") != nameof(JobState.Pending))
        {
            return false;
        }
        record["State"] = nameof(JobState.Cancelled);
        record["FinishedAt"] = time.GetUtcNow().UtcDateTime;
        try
        {
            await tables.ScheduledJobs.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // It ran or moved meanwhile; the caller asks again if it still wants it gone.
            return false;
        }
        await DeleteDueRowAsync(record.GetString("DuePartition"), record.GetString("DueRow"), ETag.All, cancellationToken);
        return true;
    }

    public async Task<JobStatus?> GetStatusAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var record = await ReadRecordAsync(kind, id, cancellationToken);
        return record is null ? null : new JobStatus(
            new ScheduledJob(kind, id, record.GetDateTimeOffset("DueAt")!.Value, record.GetString("Payload")),
            Enum.Parse<JobState>(record.GetString("State")),
            record.GetDateTimeOffset("FinishedAt"));
    }

    /// <summary>
    /// The oldest hour that may still hold due rows. It starts at the hour of the first use, which is
    /// no later than any job's filed hour, since jobs are never filed before the current hour.
    /// </summary>
    internal async Task<(string Hour, ETag ETag)> ReadCursorAsync(CancellationToken cancellationToken)
    {
        var response = await tables.ScheduledJobs.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, cancellationToken: cancellationToken);
        if (response.HasValue)
        {
            return (response.Value!.GetString("Hour"), response.Value.ETag);
        }
        var hour = Hour(time.GetUtcNow());
        try
        {
            var added = await tables.ScheduledJobs.AddEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["Hour"] = hour }, cancellationToken);
            return (hour, added.Headers.ETag!.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await ReadCursorAsync(cancellationToken);
        }
    }

    /// <summary>Moves the cursor past a retired hour; when another instance moved it first, theirs stands.</summary>
    internal async Task<(string Hour, ETag ETag)> AdvanceCursorAsync((string Hour, ETag ETag) cursor, string next, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await tables.ScheduledJobs.UpdateEntityAsync(new TableEntity(CursorPartition, CursorRow) { ["Hour"] = next }, cursor.ETag, TableUpdateMode.Replace, cancellationToken);
            return (next, updated.Headers.ETag!.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return await ReadCursorAsync(cancellationToken);
        }
    }

    /// <summary>The minutes of an hour partition that have jobs filed in them, with the marker's ETag; null when none has.</summary>
    internal async Task<MinuteMarks?> ReadMarksAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(partition, MarkerRow, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }
        var minutes = response.Value!.Keys
            .Where(key => key.Length == 3 && key[0] == 'M' && char.IsAsciiDigit(key[1]) && char.IsAsciiDigit(key[2]))
            .Select(key => int.Parse(key.AsSpan(1), CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        return new MinuteMarks(partition, minutes, response.Value.ETag);
    }

    /// <summary>
    /// Unmarks <paramref name="cleared"/> minutes, only if nothing was filed in the hour since
    /// <paramref name="marks"/> were read (every filing changes the marker's ETag).
    /// </summary>
    /// <returns>False when the marker changed meanwhile: it stays as it is, and the next pass looks again.</returns>
    internal async Task<bool> TryClearAsync(MinuteMarks marks, IReadOnlyCollection<int> cleared, CancellationToken cancellationToken)
    {
        var kept = marks.Minutes.Except(cleared).ToList();
        try
        {
            if (kept.Count == 0)
            {
                await tables.Schedule.DeleteEntityAsync(marks.Partition, MarkerRow, marks.ETag, cancellationToken);
            }
            else
            {
                var marker = new TableEntity(marks.Partition, MarkerRow);
                foreach (var minute in kept)
                {
                    marker[MinuteProperty(minute)] = true;
                }
                await tables.Schedule.UpdateEntityAsync(marker, marks.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    internal async Task<TableEntity?> ReadRecordAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var response = await tables.ScheduledJobs.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(kind), TableKeys.Escape(id), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    internal async Task DeleteDueRowAsync(string partition, string row, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.DeleteEntityAsync(partition, row, etag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or another instance holds it now: either way not ours to delete.
        }
    }

    /// <summary>
    /// A job due in the past is filed under the current hour and minute (its key keeps the real moment,
    /// so its lateness stays right): the runner may already have cleared the past minute or retired the
    /// past hour. A due row's key is never later than the minute it is filed under.
    /// </summary>
    private static (string Partition, string Row, int Minute) DueKeys(ScheduledJob job, DateTimeOffset now)
    {
        var due = job.DueAt.ToUniversalTime();
        var filed = due > now ? due : now.ToUniversalTime();
        return (Hour(filed), due.ToString(MomentFormat, CultureInfo.InvariantCulture) + "|" + TableKeys.Escape(job.Kind) + "|" + TableKeys.Escape(job.Id), filed.Minute);
    }

    /// <summary>
    /// What filing <paramref name="job"/> at <paramref name="now"/> writes: its due row and its minute's mark
    /// (upserted and merged in one transaction in <c>Schedule</c>), and its record in <c>ScheduledJobs</c>.
    /// </summary>
    internal static (TableEntity Due, TableEntity Mark, TableEntity Record) Rows(ScheduledJob job, DateTimeOffset now)
    {
        var (partition, row, minute) = DueKeys(job, now);
        return (
            new TableEntity(partition, row)
            {
                ["Kind"] = job.Kind,
                ["JobId"] = job.Id,
                ["DueAt"] = job.DueAt.UtcDateTime,
                ["Payload"] = job.Payload,
            },
            new TableEntity(partition, MarkerRow) { [MinuteProperty(minute)] = true },
            new TableEntity(TableKeys.Escape(job.Kind), TableKeys.Escape(job.Id))
            {
                ["DueAt"] = job.DueAt.UtcDateTime,
                ["Payload"] = job.Payload,
                ["State"] = nameof(JobState.Pending),
                ["DuePartition"] = partition,
                ["DueRow"] = row,
                ["Attempts"] = 0,
            });
    }

    private static string MinuteProperty(int minute) => "M" + minute.ToString("D2", CultureInfo.InvariantCulture);

    internal static string Hour(DateTimeOffset moment) => moment.ToUniversalTime().ToString(HourFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseHour(string partition) =>
        DateTimeOffset.ParseExact(partition, HourFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Row keys sort by due moment; everything at or before <paramref name="now"/> is below this bound.</summary>
    internal static string DueBound(DateTimeOffset now) => now.ToUniversalTime().ToString(MomentFormat, CultureInfo.InvariantCulture) + "|~";
}

/// <summary>The minutes of one hour partition marked as having jobs filed in them, as read at <see cref="ETag"/>.</summary>
internal sealed record MinuteMarks(string Partition, IReadOnlyList<int> Minutes, ETag ETag);
