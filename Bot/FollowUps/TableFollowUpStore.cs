using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.FollowUps;

namespace SupervisionBot.Bot.FollowUps;

/// <summary>
/// Follow-up actions in the FollowUps table, partition = scope ("school|…" or "group|…"), row = action
/// id, so a scope's list is one partition query. Meeting records are counted in partitions
/// "meetings|group|year-semester", one row per record's reference.
/// </summary>
public sealed class TableFollowUpStore(SupervisionTables tables) : IFollowUpStore
{
    private TableClient Table => tables.FollowUps;

    public async Task<int> AddAsync(IReadOnlyCollection<FollowUpAction> actions, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var action in actions)
        {
            try
            {
                await Table.AddEntityAsync(ToEntity(action), cancellationToken);
                added++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Recorded before (a re-delivered submit): keep what is there, its status included.
            }
        }
        return added;
    }

    public async Task<FollowUpAction?> GetAsync(FollowUpScope scope, string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(id))
        {
            return null;
        }
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(scope.Key), TableKeys.Escape(id), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<bool> MarkDoneAsync(FollowUpScope scope, string id, string doneBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(id))
        {
            return false;
        }
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(scope.Key), TableKeys.Escape(id), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity || entity.GetString("Status") != nameof(FollowUpStatus.Open))
        {
            return false;
        }
        entity["Status"] = nameof(FollowUpStatus.Done);
        entity["DoneUtc"] = at.ToUniversalTime();
        entity["DoneBy"] = doneBy;
        try
        {
            // Conditional on what was read: two people checking it off at once record one of them.
            await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<FollowUpAction>> ListAsync(FollowUpScope scope, CancellationToken cancellationToken)
    {
        var actions = new List<FollowUpAction>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == TableKeys.Escape(scope.Key), cancellationToken: cancellationToken))
        {
            actions.Add(FromEntity(entity));
        }
        return [.. actions.Where(a => a.Status == FollowUpStatus.Open).OrderBy(a => a.DueDate).ThenBy(a => a.Id, StringComparer.Ordinal),
            .. actions.Where(a => a.Status == FollowUpStatus.Done).OrderByDescending(a => a.DoneUtc)];
    }

    public async Task RecordMeetingAsync(int groupNumber, SchoolTerm term, string reference, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(MeetingPartition(groupNumber, term), TableKeys.Escape(reference)), TableUpdateMode.Replace, cancellationToken);

    public async Task<int> CountMeetingsAsync(int groupNumber, SchoolTerm term, CancellationToken cancellationToken)
    {
        var partition = MeetingPartition(groupNumber, term);
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    private static string MeetingPartition(int groupNumber, SchoolTerm term) =>
        string.Create(CultureInfo.InvariantCulture, $"meetings|group|{groupNumber}|{term.AcademicYear}-{term.Semester}");

    private static TableEntity ToEntity(FollowUpAction a) => new(TableKeys.Escape(a.Scope.Key), TableKeys.Escape(a.Id))
    {
        ["Id"] = a.Id,
        ["Scope"] = a.Scope.Key,
        ["Task"] = a.Task,
        ["OwnerName"] = a.OwnerName,
        ["OwnerEmail"] = a.OwnerEmail,
        ["DueDate"] = a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Status"] = a.Status.ToString(),
        ["SourceFormId"] = a.SourceFormId,
        ["SourceReference"] = a.SourceReference,
        ["VisitId"] = a.VisitId,
        ["CreatedUtc"] = a.CreatedUtc.ToUniversalTime(),
        ["DoneUtc"] = a.DoneUtc?.ToUniversalTime(),
        ["DoneBy"] = a.DoneBy,
    };

    private static FollowUpAction FromEntity(TableEntity e) => new()
    {
        Id = e.GetString("Id"),
        Scope = FollowUpScope.FromKey(e.GetString("Scope")) ?? throw new InvalidDataException($"Follow-up {e.RowKey} has no readable scope."),
        Task = e.GetString("Task"),
        OwnerName = e.GetString("OwnerName"),
        OwnerEmail = e.GetString("OwnerEmail"),
        DueDate = DateOnly.ParseExact(e.GetString("DueDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Status = Enum.Parse<FollowUpStatus>(e.GetString("Status")),
        SourceFormId = e.GetString("SourceFormId"),
        SourceReference = e.GetString("SourceReference"),
        VisitId = e.GetString("VisitId"),
        CreatedUtc = e.GetDateTimeOffset("CreatedUtc") ?? DateTimeOffset.MinValue,
        DoneUtc = e.GetDateTimeOffset("DoneUtc"),
        DoneBy = e.GetString("DoneBy"),
    };
}
