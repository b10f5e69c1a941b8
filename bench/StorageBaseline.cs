using Azure.Data.Tables;

namespace SupervisionBot.Bench;

/// <summary>
/// The floor under the bot's speed: the Table operations one turn costs, sent straight to the same
/// Azurite with the same concurrency, with nothing else (no HTTP in, no auth, no routing, no reply).
/// Mirrors the bot's writes; keep it in step with ProcessedActivityLog.TryClaimAsync and
/// TableConversationReferenceStore (SaveAsync, TryMarkWelcomedAsync):
/// every turn inserts a dedupe row; a conversation's first turn also upserts its reference and the
/// user's personal-chat pointer and inserts its "welcomed" marker (later turns hit the bot's memory cache).
/// </summary>
internal sealed class StorageBaseline
{
    private readonly TableClient _processed;
    private readonly TableClient _conversations;
    private readonly string _serviceUrl;
    private readonly string _tenantId;
    private readonly string _botId;
    private readonly TimeProvider _time;

    private StorageBaseline(TableClient processed, TableClient conversations, string serviceUrl, string tenantId, string botId, TimeProvider time)
    {
        _processed = processed;
        _conversations = conversations;
        _serviceUrl = serviceUrl;
        _tenantId = tenantId;
        _botId = botId;
        _time = time;
    }

    /// <summary>Own tables (own prefix), so the bot's rows and these never share a table.</summary>
    public static async Task<StorageBaseline> CreateAsync(string connectionString, string tablePrefix, string serviceUrl, string tenantId, string botId, TimeProvider time, CancellationToken cancellationToken)
    {
        // The bot's client settings (SupervisionTables), so retries and timeouts behave alike.
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var service = new TableServiceClient(connectionString, options);
        var processed = service.GetTableClient(tablePrefix + "ProcessedActivities");
        var conversations = service.GetTableClient(tablePrefix + "Conversations");
        await processed.CreateIfNotExistsAsync(cancellationToken);
        await conversations.CreateIfNotExistsAsync(cancellationToken);
        return new StorageBaseline(processed, conversations, serviceUrl, tenantId, botId, time);
    }

    public Task<Measurement> RunAsync(string phase, BenchConversation[] conversations, int turns, CancellationToken cancellationToken) =>
        ClosedLoop.RunAsync(conversations.Length, turns, async (worker, index, ct) =>
        {
            // Benchmark ids contain none of the characters TableKeys.Escape rewrites, so keys are the raw ids.
            var conversation = conversations[worker];
            var activityId = BenchConversation.ActivityId(phase, worker, index);
            await _processed.AddEntityAsync(new TableEntity(conversation.Id, activityId) { ["ClaimedAt"] = _time.GetUtcNow() }, ct);
            if (index == 0)
            {
                await _conversations.UpsertEntityAsync(Reference("c|" + conversation.Id, "ref", conversation), TableUpdateMode.Replace, ct);
                await _conversations.UpsertEntityAsync(Reference("u|" + conversation.UserAadObjectId, "personal", conversation), TableUpdateMode.Replace, ct);
                await _conversations.AddEntityAsync(new TableEntity("c|" + conversation.Id, "welcomed"), ct);
            }
        }, cancellationToken);

    private TableEntity Reference(string partition, string row, BenchConversation conversation) => new(partition, row)
    {
        ["ConversationId"] = conversation.Id,
        ["Kind"] = "Personal",
        ["ServiceUrl"] = _serviceUrl,
        ["TenantId"] = _tenantId,
        ["BotId"] = _botId,
        ["UserId"] = conversation.UserId,
        ["UserAadObjectId"] = conversation.UserAadObjectId,
        ["UserName"] = "Bench User",
        ["TeamId"] = null,
        ["ChannelId"] = null,
        ["Locale"] = "th-TH",
    };
}
