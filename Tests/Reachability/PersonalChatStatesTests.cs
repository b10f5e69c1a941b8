using Azure.Data.Tables;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Bot.Reachability;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Reachability;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Reachability;

/// <summary>The storage reads behind reachability, in a real Azurite: conversation references and the outbox's rows.</summary>
public sealed class PersonalChatStatesTests : IAsyncLifetime
{
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(PersonalChatStatesTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ConversationReference Chat(string aad) =>
        new("a:chat-" + aad, ConversationKind.Personal, "https://smba.trafficmanager.net/apac/", "tid", "28:bot", "29:" + aad, aad, null, null, null, "th-TH");

    private async Task OutboxRowAsync(string purpose, string recipient, string status, string? failure = null)
    {
        await _tables.Table(OutboxStorage.TableName).UpsertEntityAsync(new TableEntity("m|" + purpose, recipient + "||k")
        {
            ["Kind"] = "PersonalChat",
            ["Recipient"] = recipient,
            ["Status"] = status,
            ["Failure"] = failure,
            ["SentAt"] = status == "Sent" ? DateTimeOffset.UtcNow : null,
        });
        // Table timestamps have millisecond resolution: keep the rows' order unambiguous.
        await Task.Delay(20);
    }

    [Fact]
    public async Task Chats_come_from_references_and_blocked_from_the_outbox_s_latest_settled_message()
    {
        var conversations = new TableConversationReferenceStore(_tables);
        foreach (var aad in new[] { "open", "blocked", "back", "sent-then-blocked" })
        {
            await conversations.SaveAsync(Chat(aad), CancellationToken.None);
        }
        await _tables.Table(OutboxStorage.TableName).CreateIfNotExistsAsync();
        await OutboxRowAsync("reminder-1", "blocked", "Failed", "Blocked");
        await OutboxRowAsync("reminder-1", "back", "Failed", "Blocked");
        await OutboxRowAsync("reminder-1", "sent-then-blocked", "Sent");
        await OutboxRowAsync("reminder-2", "back", "Sent");
        await OutboxRowAsync("reminder-2", "sent-then-blocked", "Failed", "Blocked");
        // Other failures say nothing about blocking.
        await OutboxRowAsync("reminder-2", "open", "Failed", "GaveUp");

        var states = await new PersonalChatStates(conversations, _tables)
            .StatesAsync(["open", "blocked", "back", "sent-then-blocked", "never-seen"], CancellationToken.None);

        Assert.Equal(ChatState.Open, states["open"]);
        Assert.Equal(ChatState.Blocked, states["blocked"]);
        Assert.Equal(ChatState.Open, states["back"]);
        Assert.Equal(ChatState.Blocked, states["sent-then-blocked"]);
        Assert.Equal(ChatState.None, states["never-seen"]);
    }

    [Fact]
    public async Task Without_an_outbox_table_nobody_is_blocked()
    {
        var conversations = new TableConversationReferenceStore(_tables);
        await conversations.SaveAsync(Chat("someone"), CancellationToken.None);
        await _tables.Table(OutboxStorage.TableName).DeleteAsync();

        var states = await new PersonalChatStates(conversations, _tables).StatesAsync(["someone"], CancellationToken.None);

        Assert.Equal(ChatState.Open, states["someone"]);
    }
}
