using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Campaigns;

namespace SupervisionBot.Bot.Campaigns;

/// <summary>
/// Campaigns in the <c>Campaigns</c> table: one partition per campaign holding the campaign row, one
/// row per recipient and the anonymous counts' markers, so counting a response is one transaction
/// (marker added and count raised, or neither); and an owner index partition per owner.
/// </summary>
public sealed class TableCampaignStore(SupervisionTables tables) : ICampaignStore
{
    private const string CampaignRow = "~campaign";
    private const string RecipientPrefix = "r|";

    private TableClient Table => tables.Campaigns;

    public async Task CreateAsync(Campaign campaign, IReadOnlyCollection<CampaignRecipient> recipients, CancellationToken cancellationToken)
    {
        // Recipients first: a campaign row that exists always has all its recipients.
        await TableBatches.SubmitAsync(Table, recipients.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(campaign.Id, r))), cancellationToken);
        try
        {
            await Table.AddEntityAsync(ToEntity(campaign), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A retry of a create that got this far: the campaign row stays as it was.
        }
        await Table.UpsertEntityAsync(new TableEntity(OwnerPartition(campaign.OwnerKey), campaign.Id), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<StoredCampaign?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (!IsId(campaignId))
        {
            return null;
        }
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(campaignId), CampaignRow, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? new StoredCampaign(FromEntity(campaignId, e), e.ETag.ToString()) : null;
    }

    public async Task<bool> TryUpdateAsync(Campaign campaign, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(ToEntity(campaign), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Campaign>> ByOwnerAsync(string ownerKey, CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        await foreach (var index in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {OwnerPartition(ownerKey)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (await GetAsync(index.RowKey, cancellationToken) is { } stored)
            {
                campaigns.Add(stored.Campaign);
            }
        }
        return campaigns.OrderByDescending(c => c.OpenedUtc).ToList();
    }

    public async Task<IReadOnlyList<StoredRecipient>> RecipientsAsync(string campaignId, CancellationToken cancellationToken)
    {
        var recipients = new List<StoredRecipient>();
        var partition = Partition(campaignId);
        await foreach (var e in Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RecipientPrefix} and RowKey lt {"r}"}"), cancellationToken: cancellationToken))
        {
            recipients.Add(new StoredRecipient(FromRecipientEntity(e), e.ETag.ToString()));
        }
        return recipients;
    }

    public async Task<StoredRecipient?> GetRecipientAsync(string campaignId, string recipientKey, CancellationToken cancellationToken)
    {
        if (!IsId(campaignId) || !TableKeys.Fits(recipientKey))
        {
            return null;
        }
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(campaignId), RecipientRow(recipientKey), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? new StoredRecipient(FromRecipientEntity(e), e.ETag.ToString()) : null;
    }

    public async Task<bool> TryUpdateRecipientAsync(string campaignId, CampaignRecipient recipient, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(ToEntity(campaignId, recipient), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> CountAnonymousAsync(string campaignId, AnonymousCount count, string eventKey, CancellationToken cancellationToken)
    {
        var marker = $"m|{count}|{eventKey}";
        var column = count == AnonymousCount.Started ? "AnonymousStarted" : "AnonymousSubmitted";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(campaignId), CampaignRow, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } row)
            {
                return false;
            }
            row[column] = (row.GetInt32(column) ?? 0) + 1;
            // No time or person on the marker: only that this session or response was counted.
            TableTransactionAction[] both =
            [
                new(TableTransactionActionType.Add, new TableEntity(row.PartitionKey, marker)),
                new(TableTransactionActionType.UpdateReplace, row, row.ETag),
            ];
            try
            {
                await Table.SubmitTransactionAsync(both, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                return false;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Another instance counted (or the owner extended) meanwhile: read again.
            }
        }
        throw new InvalidOperationException($"Campaign {campaignId} kept changing while a response was counted.");
    }

    private static bool IsId(string campaignId) => campaignId.Length is > 0 and <= 64 && TableKeys.Fits(campaignId);

    private static string Partition(string campaignId) => "c|" + TableKeys.Escape(campaignId);

    private static string OwnerPartition(string ownerKey) => "owner|" + TableKeys.Escape(ownerKey);

    private static string RecipientRow(string key) => RecipientPrefix + TableKeys.Escape(key);

    private static TableEntity ToEntity(Campaign c) => new(Partition(c.Id), CampaignRow)
    {
        ["FormId"] = c.FormId,
        ["Audience"] = c.Audience,
        ["OwnerKey"] = c.OwnerKey,
        ["OwnerName"] = c.OwnerName,
        ["OpenedUtc"] = c.OpenedUtc.UtcDateTime,
        ["ClosesOn"] = c.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Anonymous"] = c.Anonymous,
        ["Status"] = c.Status.ToString(),
        ["ClosedUtc"] = c.ClosedUtc?.UtcDateTime,
        ["ClosedNotified"] = c.ClosedNotified,
        ["AnonymousStarted"] = c.AnonymousStarted,
        ["AnonymousSubmitted"] = c.AnonymousSubmitted,
    };

    private static Campaign FromEntity(string id, TableEntity e) => new()
    {
        Id = id,
        FormId = e.GetString("FormId"),
        Audience = e.GetString("Audience"),
        OwnerKey = e.GetString("OwnerKey"),
        OwnerName = e.GetString("OwnerName"),
        OpenedUtc = e.GetDateTimeOffset("OpenedUtc")!.Value,
        ClosesOn = DateOnly.ParseExact(e.GetString("ClosesOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Anonymous = e.GetBoolean("Anonymous") ?? false,
        Status = Enum.Parse<CampaignStatus>(e.GetString("Status")),
        ClosedUtc = e.GetDateTimeOffset("ClosedUtc"),
        ClosedNotified = e.GetBoolean("ClosedNotified") ?? false,
        AnonymousStarted = e.GetInt32("AnonymousStarted") ?? 0,
        AnonymousSubmitted = e.GetInt32("AnonymousSubmitted") ?? 0,
    };

    private static TableEntity ToEntity(string campaignId, CampaignRecipient r) => new(Partition(campaignId), RecipientRow(r.Key))
    {
        ["Key"] = r.Key,
        ["Email"] = r.Email,
        ["DisplayName"] = r.DisplayName,
        ["AadObjectId"] = r.AadObjectId,
        ["SchoolCode"] = r.SchoolCode,
        ["Status"] = r.Status.ToString(),
        ["Reason"] = r.Reason,
    };

    private static CampaignRecipient FromRecipientEntity(TableEntity e) => new(
        e.GetString("Key"),
        e.GetString("Email"),
        e.GetString("DisplayName"),
        e.GetString("AadObjectId"),
        e.GetString("SchoolCode"),
        Enum.Parse<RecipientStatus>(e.GetString("Status")),
        e.GetString("Reason"));
}
