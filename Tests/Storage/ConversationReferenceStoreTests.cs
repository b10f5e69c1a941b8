using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Storage;

/// <summary>Against a real Azurite started by the suite.</summary>
public sealed class ConversationReferenceStoreTests : IAsyncLifetime
{
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(ConversationReferenceStoreTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal static SupervisionTables NewTables(string connectionString, string prefix) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix }), Mock.Of<IHostEnvironment>(e => e.EnvironmentName == "Development"));

    private static ConversationReference Personal(string id, string serviceUrl = "https://smba.trafficmanager.net/apac/") =>
        new(id, ConversationKind.Personal, serviceUrl, "tid", "28:bot", "29:u", "aad-u-" + id, "ครูสมศรี", null, null, "th-TH");

    [Fact]
    public async Task Saved_reference_reads_back_by_conversation_and_by_user()
    {
        var store = new TableConversationReferenceStore(_tables);
        var reference = Personal("a:1qhN/abc#1");

        await store.SaveAsync(reference, CancellationToken.None);

        Assert.Equal(reference, await store.GetAsync("a:1qhN/abc#1", CancellationToken.None));
        Assert.Equal(reference, await store.GetPersonalChatAsync("aad-u-a:1qhN/abc#1", CancellationToken.None));
        Assert.Null(await store.GetAsync("a:unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Saving_again_is_idempotent_and_a_changed_service_url_is_written()
    {
        var store = new TableConversationReferenceStore(_tables);
        await store.SaveAsync(Personal("a:2"), CancellationToken.None);
        await store.SaveAsync(Personal("a:2"), CancellationToken.None);
        await store.SaveAsync(Personal("a:2", "https://smba.trafficmanager.net/emea/"), CancellationToken.None);

        var fresh = new TableConversationReferenceStore(_tables);
        Assert.Equal("https://smba.trafficmanager.net/emea/", (await fresh.GetAsync("a:2", CancellationToken.None))!.ServiceUrl);
        var rows = _tables.Conversations.Query<TableEntity>(e => e.PartitionKey == "c|a:2").ToList();
        Assert.Equal(["ref"], rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task A_channel_threads_reference_also_saves_the_channels_own_for_new_posts()
    {
        var store = new TableConversationReferenceStore(_tables);
        const string channel = "19:group1@thread.tacv2";
        var thread = new ConversationReference(channel + ";messageid=1700000000000", ConversationKind.Channel, "https://smba.trafficmanager.net/apac/",
            "tid", "28:bot", null, null, null, "19:team1@thread.tacv2", channel, "th-TH");

        await store.SaveAsync(thread, CancellationToken.None);

        Assert.Equal(thread, await store.GetAsync(thread.ConversationId, CancellationToken.None));
        Assert.Equal(thread with { ConversationId = channel }, await new TableConversationReferenceStore(_tables).GetAsync(channel, CancellationToken.None));
    }

    [Fact]
    public async Task Welcome_is_claimed_once_even_by_two_instances_at_once()
    {
        var first = new TableConversationReferenceStore(_tables);
        var second = new TableConversationReferenceStore(_tables);

        var claims = await Task.WhenAll(
            first.TryMarkWelcomedAsync("a:3", CancellationToken.None),
            second.TryMarkWelcomedAsync("a:3", CancellationToken.None));

        Assert.Single(claims, c => c);
        Assert.False(await first.TryMarkWelcomedAsync("a:3", CancellationToken.None));
    }

    [Fact]
    public async Task An_activity_is_claimed_once()
    {
        var log = new ProcessedActivityLog(_tables, TimeProvider.System);

        Assert.True(await log.TryClaimAsync("a:4", "act/1", CancellationToken.None));
        Assert.False(await log.TryClaimAsync("a:4", "act/1", CancellationToken.None));
        Assert.True(await log.TryClaimAsync("a:4", "act/2", CancellationToken.None));
    }

    [Fact]
    public async Task Old_activity_claims_are_purged_in_batches_azure_accepts_and_recent_ones_kept()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var log = new ProcessedActivityLog(_tables, time);
        for (var i = 0; i < 130; i++)
        {
            await log.TryClaimAsync("a:busy", "old-" + i, CancellationToken.None);
        }
        await log.TryClaimAsync("a:other", "old-x", CancellationToken.None);
        time.Advance(TimeSpan.FromDays(3));
        await log.TryClaimAsync("a:busy", "new-1", CancellationToken.None);

        Assert.Equal(131, await log.PurgeAsync(TimeSpan.FromDays(2), CancellationToken.None));

        Assert.True(await log.TryClaimAsync("a:busy", "old-5", CancellationToken.None));
        Assert.False(await log.TryClaimAsync("a:busy", "new-1", CancellationToken.None));
    }

    [Fact]
    public void Batches_never_exceed_100_actions_or_mix_partitions()
    {
        var actions = Enumerable.Range(0, 250).Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(i < 230 ? "p1" : "p2", i.ToString(CultureInfo.InvariantCulture))));

        var batches = TableBatches.Split(actions).ToList();

        Assert.Equal([100, 100, 30, 20], batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
    }

    [Fact]
    public void Batches_of_large_rows_stay_under_Azures_4_MiB()
    {
        // Summary cards for every director of the area: 100 rows in one partition, 30,000 Thai characters each.
        var card = new string('ก', 30_000);
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity("m|summary", i.ToString(CultureInfo.InvariantCulture)) { ["Card0"] = card }));

        var batches = TableBatches.Split(actions).ToList();

        Assert.True(batches.Count > 1, "100 rows of 30,000 characters went in one batch");
        // Sent as JSON, each Thai character is a six-byte \uXXXX escape.
        Assert.All(batches, b => Assert.True(b.Count * 6L * card.Length < 4L * 1024 * 1024, $"a batch of {b.Count} such rows passes 4 MiB"));
        Assert.Equal(100, batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task Reachability_is_reported()
    {
        Assert.True(await _tables.IsReachableAsync(CancellationToken.None));

        var nowhere = NewTables(StorageOptions.Azurite(tablePort: Ports.Free(), queuePort: Ports.Free()), "x");
        Assert.False(await nowhere.IsReachableAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("a:1qhN", "a:1qhN")]
    [InlineData("x/y\\z#?%", "x%2Fy%5Cz%23%3F%25")]
    [InlineData("ก\u0001", "ก%01")]
    public void Table_keys_escape_only_forbidden_characters(string raw, string escaped) =>
        Assert.Equal(escaped, TableKeys.Escape(raw));
}
