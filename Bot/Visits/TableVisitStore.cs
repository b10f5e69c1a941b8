using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bot.Visits;

/// <summary>
/// Visits in the Visits table. Each visit is one row in a partition of its own (its id), the only
/// copy of its data. Two pointer rows find it without a scan: one in its supervisor's partition and
/// one in its school's, keyed by start then id, so a week or a semester is one range query.
/// </summary>
/// <remarks>
/// Pointers hold only the id: a list reads the visits they point at. Pointers are written before
/// the visit and removed after it moves, so a crash in between leaves at most an extra pointer,
/// which the read drops because the visit it names is not (or no longer) where it points. A list
/// is therefore never missing a visit nor showing an out-of-date copy.
/// </remarks>
public sealed class TableVisitStore(SupervisionTables tables) : IVisitStore
{
    private const string VisitRow = "visit";
    private const string VisitIdColumn = "VisitId";

    /// <summary>Point reads of one list run this many at a time.</summary>
    private const int ReadParallelism = 16;

    private TableClient Table => tables.Visits;

    public async Task<StoredVisit?> GetAsync(string visitId, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(visitId))
        {
            return null;
        }
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(VisitPartition(visitId), VisitRow, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? new StoredVisit(FromEntity(entity), entity.ETag.ToString()) : null;
    }

    public async Task AddAsync(IReadOnlyCollection<Visit> visits, CancellationToken cancellationToken)
    {
        await TableBatches.SubmitAsync(Table, visits.SelectMany(Pointers).Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)), cancellationToken);
        await Parallel.ForEachAsync(visits, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (visit, ct) =>
        {
            try
            {
                await Table.AddEntityAsync(ToEntity(visit), ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Added by an earlier attempt (or the same import run twice): that visit stands as it is.
            }
        });
    }

    public async Task<bool> TryUpdateAsync(Visit visit, string etag, CancellationToken cancellationToken)
    {
        var current = await GetAsync(visit.Id, cancellationToken);
        if (current is null || current.ETag != etag)
        {
            return false;
        }
        var before = Pointers(current.Visit).Select(Key).ToHashSet();
        var after = Pointers(visit).ToList();
        var added = after.Where(p => !before.Contains(Key(p))).ToList();
        await TableBatches.SubmitAsync(Table, added.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)), cancellationToken);
        try
        {
            await Table.UpdateEntityAsync(ToEntity(visit), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
        var kept = after.Select(Key).ToHashSet();
        var gone = Pointers(current.Visit).Where(p => !kept.Contains(Key(p))).ToList();
        await TableBatches.DeleteAsync(Table, gone, cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<Visit>> BySupervisorAsync(string supervisorEmail, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        ListAsync(SupervisorPartition(supervisorEmail), v => SupervisorPartition(v.SupervisorEmail), fromUtc, toUtc, cancellationToken);

    public Task<IReadOnlyList<Visit>> BySchoolAsync(string schoolCode, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        ListAsync(SchoolPartition(schoolCode), v => SchoolPartition(v.SchoolCode), fromUtc, toUtc, cancellationToken);

    private async Task<IReadOnlyList<Visit>> ListAsync(string partition, Func<Visit, string> partitionOf, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(partition) || fromUtc >= toUtc)
        {
            return [];
        }
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {StartKey(fromUtc)} and RowKey lt {StartKey(toUtc)}");
        var pointers = new List<(string Row, string VisitId)>();
        await foreach (var pointer in Table.QueryAsync<TableEntity>(filter, select: ["RowKey", VisitIdColumn], cancellationToken: cancellationToken))
        {
            pointers.Add((pointer.RowKey, pointer.GetString(VisitIdColumn)));
        }
        var visits = new Visit?[pointers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pointers.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var stored = await GetAsync(pointers[i].VisitId, ct);
            // A pointer left by a crash names a visit that never landed or has since moved: not this list's.
            if (stored is { Visit: var visit } && partitionOf(visit) == partition && PointerRow(visit) == pointers[i].Row)
            {
                visits[i] = visit;
            }
        });
        return visits.OfType<Visit>().ToList();
    }

    private static IEnumerable<TableEntity> Pointers(Visit visit) =>
    [
        new TableEntity(SupervisorPartition(visit.SupervisorEmail), PointerRow(visit)) { [VisitIdColumn] = visit.Id },
        new TableEntity(SchoolPartition(visit.SchoolCode), PointerRow(visit)) { [VisitIdColumn] = visit.Id },
    ];

    private static string Key(ITableEntity entity) => entity.PartitionKey + "\n" + entity.RowKey;

    private static string VisitPartition(string visitId) => "v|" + TableKeys.Escape(visitId);

    private static string SupervisorPartition(string email) => "sup|" + TableKeys.Escape(email.Trim().ToLowerInvariant());

    private static string SchoolPartition(string code) => "sch|" + TableKeys.Escape(code.Trim().ToUpperInvariant());

    /// <summary>Start first (UTC, sortable as text), then the id, so two visits at one time both have a row.</summary>
    private static string PointerRow(Visit visit) => StartKey(visit.StartUtc) + "|" + TableKeys.Escape(visit.Id);

    private static string StartKey(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(Visit v) => new(VisitPartition(v.Id), VisitRow)
    {
        [VisitIdColumn] = v.Id,
        ["SchoolCode"] = v.SchoolCode,
        ["StartUtc"] = v.StartUtc.ToUniversalTime(),
        ["EndUtc"] = v.EndUtc.ToUniversalTime(),
        ["SupervisorEmail"] = v.SupervisorEmail,
        ["ChecklistFormId"] = v.ChecklistFormId,
        ["Purpose"] = v.Purpose,
        ["Mode"] = v.Mode.ToString(),
        ["TeacherEmails"] = string.Join(';', v.TeacherEmails),
        ["Status"] = v.Status.ToString(),
        ["RescheduledAs"] = v.RescheduledAs,
    };

    private static Visit FromEntity(TableEntity e) => new()
    {
        Id = e.GetString(VisitIdColumn),
        SchoolCode = e.GetString("SchoolCode"),
        StartUtc = e.GetDateTimeOffset("StartUtc") ?? DateTimeOffset.MinValue,
        EndUtc = e.GetDateTimeOffset("EndUtc") ?? DateTimeOffset.MinValue,
        SupervisorEmail = e.GetString("SupervisorEmail"),
        ChecklistFormId = e.GetString("ChecklistFormId"),
        Purpose = e.GetString("Purpose") ?? "",
        Mode = Enum.TryParse<VisitMode>(e.GetString("Mode"), out var mode) ? mode : VisitMode.Onsite,
        TeacherEmails = (e.GetString("TeacherEmails") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries),
        Status = Enum.TryParse<VisitStatus>(e.GetString("Status"), out var status) ? status : VisitStatus.Scheduled,
        RescheduledAs = e.GetString("RescheduledAs"),
    };
}
