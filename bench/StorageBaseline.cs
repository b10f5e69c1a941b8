using Azure.Data.Tables;

namespace SupervisionBot.Bench;

/// <summary>
/// The floor under the bot's speed: the Table operations one turn costs, sent straight to the same
/// Azurite with the same concurrency, with nothing else (no HTTP in, no auth, no routing, no reply).
/// Mirrors the bot's storage calls; keep it in step with ProcessedActivityLog.TryClaimAsync,
/// TableConversationReferenceStore (SaveAsync, TryMarkWelcomedAsync) and TableFormSessionStore.
/// A message turn inserts a dedupe row; small talk (not a command) also reads the chat's form session
/// (TurnRouter looks for an open form; none is open). A conversation's first turn also reads the user's
/// language preference, upserts its reference and the user's personal-chat pointer and inserts its
/// "welcomed" marker (later turns hit the bot's memory caches).
/// A card-submit turn reads the form session row and replaces it, conditional on the ETag it read.
/// </summary>
internal sealed class StorageBaseline
{
    private readonly TableClient _processed;
    private readonly TableClient _conversations;
    private readonly TableClient _sessions;
    private readonly TableClient _people;
    private readonly string _serviceUrl;
    private readonly string _tenantId;
    private readonly string _botId;
    private readonly TimeProvider _time;

    private StorageBaseline(TableClient processed, TableClient conversations, TableClient sessions, TableClient people, string serviceUrl, string tenantId, string botId, TimeProvider time)
    {
        _processed = processed;
        _conversations = conversations;
        _sessions = sessions;
        _people = people;
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
        var sessions = service.GetTableClient(tablePrefix + "FormSessions");
        await processed.CreateIfNotExistsAsync(cancellationToken);
        await conversations.CreateIfNotExistsAsync(cancellationToken);
        var people = service.GetTableClient(tablePrefix + "People");
        await sessions.CreateIfNotExistsAsync(cancellationToken);
        await people.CreateIfNotExistsAsync(cancellationToken);
        return new StorageBaseline(processed, conversations, sessions, people, serviceUrl, tenantId, botId, time);
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
                await _people.GetEntityIfExistsAsync<TableEntity>("preferences", conversation.UserAadObjectId, cancellationToken: ct);
                await _conversations.AddEntityAsync(new TableEntity("c|" + conversation.Id, "welcomed"), ct);
            }
            if (BotLoad.TextOf(index) == BotLoad.SmallTalk)
            {
                await _sessions.GetEntityIfExistsAsync<TableEntity>(conversation.Id, conversation.UserId, cancellationToken: ct);
            }
        }, cancellationToken);

    /// <summary>
    /// Not measured: one open satisfaction form per chat, as the bot stores it on the supervisor page
    /// (TableFormSessionStore.ToEntity's columns; answers from the first two pages).
    /// </summary>
    public Task OpenFormsAsync(BenchConversation[] conversations, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return Task.WhenAll(conversations.Select(conversation => _sessions.AddEntityAsync(new TableEntity(conversation.Id, conversation.UserId)
        {
            ["SessionId"] = Guid.NewGuid().ToString("N"),
            ["ConversationId"] = conversation.Id,
            ["UserId"] = conversation.UserId,
            ["UserAadObjectId"] = conversation.UserAadObjectId,
            ["FormId"] = CardLoad.FormId,
            ["FormVersion"] = 1,
            ["PageIndex"] = 1,
            ["InReview"] = false,
            ["EditingSectionId"] = null,
            ["StateVersion"] = 2,
            ["StartedAt"] = now,
            ["LastActivityAt"] = now,
            ["ReminderSentAt"] = null,
            ["LastActionFingerprint"] = Fingerprint(2),
            ["Answers0"] = """{"position":"administrator","years-of-service":"up-to-5","expertise":"1","manner":"1","approachability":"1","punctuality":"1"}""",
        }, cancellationToken)));
    }

    /// <summary>
    /// What the bot's store does for Next and Back alike (FormActions.HandleAsync): a point read of
    /// the session, then a replace of the whole row conditional on the ETag read (page, version, times).
    /// </summary>
    public Task<Measurement> RunCardTurnsAsync(BenchConversation[] conversations, int turns, CancellationToken cancellationToken) =>
        ClosedLoop.RunAsync(conversations.Length, turns, async (worker, index, ct) =>
        {
            var conversation = conversations[worker];
            var found = await _sessions.GetEntityIfExistsAsync<TableEntity>(conversation.Id, conversation.UserId, cancellationToken: ct);
            var session = found.HasValue ? found.Value! : throw new TurnFailedException($"no form session for {conversation.Id}");
            var version = session.GetInt32("StateVersion")!.Value + 1;
            session["StateVersion"] = version;
            session["PageIndex"] = 3 - session.GetInt32("PageIndex")!.Value;
            session["LastActivityAt"] = _time.GetUtcNow();
            session["LastActionFingerprint"] = Fingerprint(version);
            await _sessions.UpdateEntityAsync(session, session.ETag, TableUpdateMode.Replace, ct);
        }, cancellationToken);

    /// <summary>Same length as FormActionData.Fingerprint's (12 bytes in hex), so the row is the bot's size.</summary>
    private static string Fingerprint(int version) => version.ToString("X24", System.Globalization.CultureInfo.InvariantCulture);

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
