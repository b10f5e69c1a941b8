using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Summaries;

/// <summary>
/// Aggregates in the Aggregates table: one partition per form version, one row per scope
/// ("t|&lt;campaign or *&gt;|area", "…|g|3", "…|s|&lt;code&gt;") holding its totals as JSON, and one marker
/// row per counted response ("k|&lt;response key&gt;"). A response's marker and every scope row it
/// changes are written in one entity-group transaction, each row under the ETag it was read with:
/// another instance's update in between fails the whole transaction (412) and it is redone on fresh
/// rows, so no update is ever lost; a response counted before fails it on the marker (409), so no
/// response is counted twice. Rows are cached parsed, with their ETags, so an instance that wrote a
/// row last updates it without reading or parsing it first, and serialises each changed row once.
/// </summary>
public sealed class TableResponseAggregates(SupervisionTables tables, FormCatalogue catalogue, IOfficeDirectorySource directory, TimeProvider time, ILogger<TableResponseAggregates> logger)
    : IResponseAggregates
{
    /// <summary>
    /// Contended rows are retried this often, with random waits, before the failure is thrown. Each
    /// round of contention lets one writer through, so n writers at once need up to n attempts.
    /// </summary>
    public const int MaxAttempts = 200;

    private const string TotalsColumn = "Totals";
    private static readonly AggregateJson Json = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) });

    private readonly ConcurrentDictionary<(string Partition, string Row), CachedRow> cache = new();

    public async Task RecordAsync(string responseKey, FormResponse response, CancellationToken cancellationToken)
    {
        var form = catalogue.Find(response.FormId, response.FormVersion);
        if (form is null)
        {
            logger.LogWarning("Response {Key} answers {Form} v{Version}, which the catalogue does not hold; it is not aggregated", responseKey, response.FormId, response.FormVersion);
            return;
        }
        var place = ResponsePlace.Of(form, response, await directory.CurrentAsync(cancellationToken));
        var partition = Partition(form.Id, form.Version);
        var rows = place.Scopes(response.Link.CampaignId).Select(RowKey).ToArray();
        var marker = MarkerKey(responseKey);
        for (var attempt = 1; ; attempt++)
        {
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, marker) { ["CountedAt"] = time.GetUtcNow() }),
            };
            var updated = new List<(string Row, ScopeAggregate Aggregate)>();
            foreach (var row in rows)
            {
                // Taken out of the cache, the row is this call's alone: another record of it in this
                // process loads its own copy meanwhile, and the ETags settle which of the two is redone.
                var current = cache.TryRemove((partition, row), out var cached) ? cached : await LoadAsync(partition, row, cancellationToken);
                current.Aggregate.Add(form, response);
                var entity = new TableEntity(partition, row);
                JsonColumns.Write(entity, TotalsColumn, JsonSerializer.Serialize(current.Aggregate, Json.ScopeAggregate));
                actions.Add(current.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, entity));
                updated.Add((row, current.Aggregate));
            }
            try
            {
                var result = await tables.Aggregates.SubmitTransactionAsync(actions, cancellationToken);
                for (var i = 0; i < updated.Count; i++)
                {
                    // The response to action i + 1 (the marker is action 0) carries the row's new ETag.
                    if (result.Value[i + 1].Headers.ETag is { } etag)
                    {
                        cache[(partition, updated[i].Row)] = new CachedRow(updated[i].Aggregate, etag);
                    }
                }
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // The rows taken from the cache were changed for this attempt and stay out of it: the next one reads them afresh.
                if (await tables.Aggregates.GetEntityIfExistsAsync<TableEntity>(partition, marker, select: ["PartitionKey"], cancellationToken: cancellationToken) is { HasValue: true })
                {
                    return; // counted before: a redelivery, a retry, or the other instance releasing the same response
                }
                if (attempt >= MaxAttempts)
                {
                    throw;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 5 * Math.Min(attempt, 40))), time, cancellationToken);
            }
        }
    }

    public async Task<ScopeAggregate> ReadAsync(FormDefinition form, SummaryScope scope, CancellationToken cancellationToken) =>
        (await LoadAsync(Partition(form.Id, form.Version), RowKey(scope), cancellationToken)).Aggregate;

    public async Task<IReadOnlyList<(SummaryScope Scope, ScopeAggregate Aggregate)>> ReadLevelAsync(FormDefinition form, ScopeLevel level, string? campaign, CancellationToken cancellationToken)
    {
        var prefix = level switch
        {
            ScopeLevel.Group => $"t|{CampaignKey(campaign)}|g|",
            ScopeLevel.School => $"t|{CampaignKey(campaign)}|s|",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Only groups and schools are listed."),
        };
        // '|' + 1 is '}': every key that starts with the prefix sorts before prefix[..^1] + '}'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(form.Id, form.Version)} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var found = new List<(SummaryScope, ScopeAggregate)>();
        await foreach (var row in tables.Aggregates.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var key = Unescape(row.RowKey[prefix.Length..]);
            var scope = level == ScopeLevel.Group
                ? SummaryScope.Group(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture), campaign)
                : SummaryScope.School(key, campaign);
            found.Add((scope, Parse(JsonColumns.Read(row, TotalsColumn))));
        }
        return found;
    }

    private async Task<CachedRow> LoadAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var found = await tables.Aggregates.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? new CachedRow(Parse(JsonColumns.Read(entity, TotalsColumn)), entity.ETag) : new CachedRow(new ScopeAggregate(), null);
    }

    private static ScopeAggregate Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new ScopeAggregate() : JsonSerializer.Deserialize(json, Json.ScopeAggregate) ?? new ScopeAggregate();

    public static string Partition(string formId, int version) => $"{TableKeys.Escape(formId)}|v{version}";

    public static string RowKey(SummaryScope scope) => scope.Level switch
    {
        ScopeLevel.Group => $"t|{CampaignKey(scope.Campaign)}|g|{scope.Key}",
        ScopeLevel.School => $"t|{CampaignKey(scope.Campaign)}|s|{TableKeys.Escape(scope.Key!)}",
        _ => $"t|{CampaignKey(scope.Campaign)}|area",
    };

    private static string MarkerKey(string responseKey) => "k|" + TableKeys.Escape(responseKey);

    private static string CampaignKey(string? campaign) => campaign is null ? "*" : TableKeys.Escape(campaign);

    private static string Unescape(string key) => Uri.UnescapeDataString(key);

    /// <summary>A row's totals as last written or read, and the ETag they were written or read with (none: no row yet).</summary>
    private sealed record CachedRow(ScopeAggregate Aggregate, ETag? ETag);
}

[JsonSerializable(typeof(ScopeAggregate))]
internal sealed partial class AggregateJson : JsonSerializerContext;
