using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// A form's aggregates live in its own partition of Responses, after its responses, so that a
/// response and the totals it changes are written in one entity-group transaction: no second round
/// trip, and no response stored but not counted. Per form version and per campaign (or "*" for all
/// responses) there is one row per place responses came from ("~v1|*|p|3|1010": group 3, school
/// 1010) and one row listing those places ("~v1|*|places"), so a summary makes point reads only.
/// </summary>
/// <remarks>
/// The response's own insert makes the count exactly-once: a response already stored fails the
/// transaction, and was counted when it was stored. Each changed row is written under the ETag it
/// was read with, so another instance's update in between fails the transaction (412) and it is
/// redone on fresh rows; no update is lost. Rows are cached parsed, with their ETags, so an instance
/// that wrote a row last updates it without reading it first. Keeping one row per place (not per
/// area, group and school) keeps the transaction small and spreads writers over many rows.
/// </remarks>
public sealed class TableResponseAggregates(SupervisionTables tables, FormCatalogue catalogue, IOfficeDirectorySource directory, TimeProvider time, ILogger<TableResponseAggregates> logger)
    : IResponseAggregates
{
    /// <summary>
    /// Contended rows are retried this often, with random waits, before the failure is thrown. Each
    /// round of contention lets one writer through, so n writers at once need up to n attempts.
    /// </summary>
    public const int MaxAttempts = 200;

    /// <summary>Every aggregate row's key starts with this; response keys (GUIDs) sort before it.</summary>
    public const string RowPrefix = "~";

    private const string TotalsColumn = "Totals";
    private const string PlacesColumn = "Places";
    private static readonly AggregateJson Json = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) });

    private readonly ConcurrentDictionary<(string Partition, string Row), CachedRow> cache = new();
    private readonly ConcurrentDictionary<(string Partition, string Row), SemaphoreSlim> rowTurns = new();

    public static bool IsAggregateRow(string rowKey) => rowKey.StartsWith(RowPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Inserts a response's row and counts it, in one transaction.
    /// </summary>
    /// <returns>False when the row was stored before (a redelivered or retried write): it was counted then.</returns>
    public async Task<bool> InsertCountedAsync(TableEntity row, FormResponse response, CancellationToken cancellationToken)
    {
        var form = catalogue.Find(response.FormId, response.FormVersion);
        if (form is null)
        {
            logger.LogWarning("Response {Key} answers {Form} v{Version}, which the catalogue does not hold; it is not aggregated", row.RowKey, response.FormId, response.FormVersion);
        }
        var place = form is null ? null : ResponsePlace.Of(form, response, await directory.CurrentAsync(cancellationToken));
        // Writers in this process take turns on a place's rows, so they never make each other retry: only
        // another instance's write can. The "*" row is always taken before a campaign's, so no two wait on each other.
        var turns = form is null ? [] : Campaigns(response).Select(c => rowTurns.GetOrAdd((row.PartitionKey, PlaceKey(form.Version, c, place!)), _ => new SemaphoreSlim(1, 1))).ToList();
        var taken = 0;
        try
        {
            for (; taken < turns.Count; taken++)
            {
                await turns[taken].WaitAsync(cancellationToken);
            }
            return await InsertCountedAsync(row, response, form, place, cancellationToken);
        }
        finally
        {
            foreach (var turn in turns.Take(taken))
            {
                turn.Release();
            }
        }
    }

    private async Task<bool> InsertCountedAsync(TableEntity row, FormResponse response, FormDefinition? form, ResponsePlace? place, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var changes = form is null ? [] : await ChangesAsync(row.PartitionKey, form, response, place!, cancellationToken);
            try
            {
                var result = await tables.Responses.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, row), .. changes.Select(c => c.Action)], cancellationToken);
                for (var i = 0; i < changes.Count; i++)
                {
                    // The response to action i + 1 (the response's insert is action 0) carries the row's new ETag.
                    if (result.Value[i + 1].Headers.ETag is { } etag)
                    {
                        cache[(row.PartitionKey, changes[i].Action.Entity.RowKey)] = changes[i].Row with { ETag = etag };
                    }
                }
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // The rows taken from the cache were changed for this attempt and stay out of it: the next one reads them afresh.
                if (await tables.Responses.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, select: ["PartitionKey"], cancellationToken: cancellationToken) is { HasValue: true })
                {
                    return false;
                }
                if (attempt >= MaxAttempts)
                {
                    throw;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 5 * Math.Min(attempt, 40))), time, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<PlaceAggregate>> ReadPlacesAsync(FormDefinition form, string? campaign, Func<ResponsePlace, bool> wanted, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Escape(form.Id);
        if (await LoadAsync(partition, PlacesKey(form.Version, campaign), cancellationToken) is not { Value: PlaceList { List: var listed } })
        {
            return [];
        }
        var places = listed.Where(wanted).ToArray();
        var rows = await Task.WhenAll(places.Select(place => LoadAsync(partition, PlaceKey(form.Version, campaign, place), cancellationToken)));
        return places.Zip(rows, (place, row) => new PlaceAggregate(place, row?.Value as ScopeAggregate ?? new ScopeAggregate())).ToArray();
    }

    /// <summary>
    /// The rows counting <paramref name="response"/> changes, per campaign key (all responses, and its
    /// campaign's): its place's row, and the list of places when the place is new.
    /// </summary>
    private async Task<List<Change>> ChangesAsync(string partition, FormDefinition form, FormResponse response, ResponsePlace place, CancellationToken cancellationToken)
    {
        var changes = new List<Change>();
        foreach (var campaign in Campaigns(response))
        {
            var key = PlaceKey(form.Version, campaign, place);
            var row = await TakeAsync(partition, key, cancellationToken);
            var aggregate = row.Value as ScopeAggregate ?? new ScopeAggregate();
            aggregate.Add(form, response);
            changes.Add(Change.Of(PlaceRow(partition, key, aggregate), row with { Value = aggregate }));
            if (row.ETag is null)
            {
                var listKey = PlacesKey(form.Version, campaign);
                var list = await TakeAsync(partition, listKey, cancellationToken);
                var listed = (list.Value as PlaceList)?.List ?? [];
                var places = listed.Contains(place) ? new PlaceList(listed) : new PlaceList([.. listed, place]);
                changes.Add(Change.Of(ListRow(partition, listKey, places), list with { Value = places }));
            }
        }
        return changes;
    }

    /// <summary>The campaign keys a response counts under: all responses ("*", as null) first, then its campaign's.</summary>
    private static string?[] Campaigns(FormResponse response) => response.Link.CampaignId is { } linked ? [null, linked] : [null];

    /// <summary>Taken out of the cache, a row is this call's alone: another write of it in this process loads its own copy meanwhile, and the ETags settle which of the two is redone.</summary>
    private async Task<CachedRow> TakeAsync(string partition, string rowKey, CancellationToken cancellationToken) =>
        cache.TryRemove((partition, rowKey), out var cached) ? cached : await LoadAsync(partition, rowKey, cancellationToken) ?? new CachedRow(null, null);

    private async Task<CachedRow?> LoadAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var found = await tables.Responses.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }
        object? value = entity.ContainsKey(PlacesColumn + "0")
            ? JsonSerializer.Deserialize(JsonColumns.Read(entity, PlacesColumn), Json.PlaceList)
            : JsonSerializer.Deserialize(JsonColumns.Read(entity, TotalsColumn), Json.ScopeAggregate);
        return new CachedRow(value, entity.ETag);
    }

    /// <summary>The rows counting responses from these places leaves, for seeding a benchmark or an import with totals computed elsewhere.</summary>
    public static IEnumerable<TableEntity> Rows(FormDefinition form, string? campaign, IReadOnlyList<PlaceAggregate> places)
    {
        var partition = TableKeys.Escape(form.Id);
        yield return ListRow(partition, PlacesKey(form.Version, campaign), new PlaceList([.. places.Select(p => p.Place)]));
        foreach (var place in places)
        {
            yield return PlaceRow(partition, PlaceKey(form.Version, campaign, place.Place), place.Aggregate);
        }
    }

    private static TableEntity PlaceRow(string partition, string rowKey, ScopeAggregate aggregate)
    {
        var entity = new TableEntity(partition, rowKey);
        JsonColumns.Write(entity, TotalsColumn, JsonSerializer.Serialize(aggregate, Json.ScopeAggregate));
        return entity;
    }

    private static TableEntity ListRow(string partition, string rowKey, PlaceList places)
    {
        var entity = new TableEntity(partition, rowKey);
        JsonColumns.Write(entity, PlacesColumn, JsonSerializer.Serialize(places, Json.PlaceList));
        return entity;
    }

    private static string PlaceKey(int version, string? campaign, ResponsePlace place) =>
        $"{RowPrefix}v{version}|{CampaignKey(campaign)}|p|{place.GroupNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}|{(place.SchoolCode is { } school ? Uri.EscapeDataString(school) : "-")}";

    private static string PlacesKey(int version, string? campaign) => $"{RowPrefix}v{version}|{CampaignKey(campaign)}|places";

    private static string CampaignKey(string? campaign) => campaign is null ? "*" : Uri.EscapeDataString(campaign);

    /// <summary>A row as last written or read: its parsed value (a <see cref="ScopeAggregate"/> or <see cref="PlaceList"/>; none: no row yet) and its ETag.</summary>
    private sealed record CachedRow(object? Value, ETag? ETag);

    /// <summary>One row's write in a transaction, and the row it leaves to cache once committed.</summary>
    private sealed record Change(TableTransactionAction Action, CachedRow Row)
    {
        public static Change Of(TableEntity entity, CachedRow row) =>
            new(row.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity), row);
    }
}

/// <summary>The places a form version's responses (of all, or of one campaign) came from, in the order they first came.</summary>
internal sealed record PlaceList(IReadOnlyList<ResponsePlace> List);

[JsonSerializable(typeof(ScopeAggregate))]
[JsonSerializable(typeof(PlaceList))]
internal sealed partial class AggregateJson : JsonSerializerContext;
