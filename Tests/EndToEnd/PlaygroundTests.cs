using System.Text.Json.Nodes;
using Azure.Data.Tables;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.EndToEnd.PlaygroundFixture;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>
/// The walking skeleton end to end: the real bot host and the real Microsoft 365 Agents Playground,
/// driven through the Playground's HTTP API, with the bot's messages read from its WebSocket.
/// The Playground sends locale en-US, so the bot answers in English (command names stay bilingual).
/// </summary>
public sealed class PlaygroundTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private const string WelcomeHeading = "Welcome to SupervisionBot";
    private const string HelpCommand = "help (ช่วยเหลือ)";
    private const string ThaiWelcomeHeading = "ยินดีต้อนรับสู่ผู้ช่วยงานนิเทศ";

    private Playground Playground => fixture.Playground;

    [Fact]
    public async Task Install_greets_with_the_welcome_card_once()
    {
        var welcome = Card(fixture.PersonalWelcome);
        Assert.NotNull(welcome);
        Assert.Equal("AdaptiveCard", (string?)welcome["type"]);
        // The Playground sends installationUpdate (locale en-US) and conversationUpdate (no locale) at
        // the same time; only the one that says the language greets, so the welcome is in English.
        var text = CardText(welcome);
        Assert.Contains(WelcomeHeading, text);
        Assert.DoesNotContain(ThaiWelcomeHeading, text);
        Assert.Contains("help", text);
        Assert.Contains("ช่วยเหลือ", text);

        // The Playground answers the install call at once and sends installationUpdate and
        // conversationUpdate afterwards, concurrently: wait for the bot to finish both turns.
        var installs = fixture.BotLogCount("Turn installationUpdate in personal");
        var updates = fixture.BotLogCount("Turn conversationUpdate in personal");
        var mark = Playground.LastSequence;
        await Playground.InstallAsync(Playground.PersonalChat);
        await fixture.WaitForBotLogAsync("Turn installationUpdate in personal", installs + 1);
        await fixture.WaitForBotLogAsync("Turn conversationUpdate in personal", updates + 1);

        // A second welcome would have reached the Playground before those turns ended, so it would
        // come down the WebSocket before the answer to this later message: the next message must be it.
        await Playground.SendTextAsync(Playground.PersonalChat, "after reinstall");
        var next = Playground.WaitForBotMessage(
            m => (long)m["_seq"]! > mark && In(m, Playground.PersonalChat), Wait, "(answer after reinstalling)");

        Assert.False(IsCard(next), "Installing again sent a card (a second welcome?): " + next.ToJsonString());
        Assert.Contains("after reinstall", (string?)next["text"]);
    }

    [Fact]
    public async Task Help_in_the_personal_chat_shows_the_guide_card()
    {
        var mark = Playground.LastSequence;

        await Playground.SendTextAsync(Playground.PersonalChat, "help");

        var reply = Playground.WaitForBotMessage(
            m => (long)m["_seq"]! > mark && In(m, Playground.PersonalChat), Wait, "(answer to help)");
        var card = Card(reply);
        Assert.True(card is not null, "help was not answered with a card: " + reply.ToJsonString());
        Assert.Contains(WelcomeHeading, CardText(card));
        Assert.Contains(HelpCommand, CardText(card));
    }

    [Fact]
    public async Task Other_text_in_the_personal_chat_gets_a_hint_naming_help()
    {
        var mark = Playground.LastSequence;

        await Playground.SendTextAsync(Playground.PersonalChat, "something else");

        var reply = Playground.WaitForBotMessage(
            m => (long)m["_seq"]! > mark && In(m, Playground.PersonalChat), Wait, "(answer to other text)");
        Assert.False(IsCard(reply), "Expected a plain hint, got: " + reply.ToJsonString());
        var text = (string?)reply["text"] ?? "";
        Assert.Contains("something else", text);
        Assert.Contains("Type help", text);
    }

    [Fact]
    public async Task Channel_post_mentioning_the_bot_is_answered_in_its_thread()
    {
        var post = await Playground.SendTextAsync(Playground.Team, $"<at>{Playground.BotName}</at> help", mentions: Playground.BotMention());

        var thread = (string?)post["postConversationId"];
        Assert.False(string.IsNullOrEmpty(thread), "The Playground made no thread: " + post.ToJsonString());
        Assert.StartsWith(Playground.Team + ";messageid=", thread);
        var reply = Playground.WaitForBotMessage(m => In(m, thread), Wait, $"(reply in thread {thread})");
        Assert.Equal("createMessage", (string?)reply["_action"]);
        var card = Card(reply);
        Assert.True(card is not null, "help in the channel was not answered with a card: " + reply.ToJsonString());
        Assert.Contains(WelcomeHeading, CardText(card));
    }

    [Fact]
    public async Task Channel_post_without_a_mention_gets_no_reply()
    {
        var mark = Playground.LastSequence;
        var channelTurns = fixture.BotLogCount("Turn message in channel");
        var ignoredTurns = IgnoredChannelTurns();

        // The Playground itself forwards a channel post to the bot only when it mentions the bot...
        var quiet = await Playground.SendTextAsync(Playground.Team, "just talking among ourselves");
        var quietThread = (string)quiet["postConversationId"]!;
        // ...so the bot's own rule is checked with the very activity the Playground would send, minus the mention.
        var rawThread = Playground.Team + ";messageid=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Playground.SendCustomActivityAsync(ChannelMessageWithoutMention(rawThread));
        await fixture.WaitForBotLogAsync("Turn message in channel", channelTurns + 1);
        Assert.True(IgnoredChannelTurns() == ignoredTurns + 1, "The bot did not ignore the unmentioned channel message. " + fixture.BotLog());

        // A mentioned post afterwards is answered; anything sent for the quiet posts would have come first.
        var loud = await Playground.SendTextAsync(Playground.Team, $"<at>{Playground.BotName}</at> are you there?", mentions: Playground.BotMention());
        var loudThread = (string)loud["postConversationId"]!;
        Playground.WaitForBotMessage(m => In(m, loudThread), Wait, $"(reply in the mentioned thread {loudThread})");

        var stray = Playground.SeenSince(mark).Where(m => In(m, quietThread) || In(m, rawThread)).ToList();
        Assert.True(stray.Count == 0, "The bot answered a post that did not mention it: " + string.Join("\n", stray.Select(m => m.ToJsonString())));
    }

    [Fact]
    public async Task Action_Submit_on_the_welcome_card_updates_that_card_in_place()
    {
        var cardId = (string)fixture.PersonalWelcome["messageId"]!;
        var mark = Playground.LastSequence;

        await Playground.SubmitAsync(Playground.PersonalChat, cardId, new JsonObject { ["verb"] = "help" });

        var update = Playground.WaitForBotMessage(
            m => (long)m["_seq"]! > mark && (string?)m["_action"] == "updateMessage", Wait, $"(update of card {cardId})");
        Assert.Equal(cardId, (string?)update["messageId"]);
        Assert.True(In(update, Playground.PersonalChat), "Updated in the wrong conversation: " + update.ToJsonString());
        var card = Card(update);
        Assert.True(card is not null, "The update carries no card: " + update.ToJsonString());
        Assert.Contains(WelcomeHeading, CardText(card));
    }

    [Fact]
    public async Task Action_Execute_is_answered_with_a_card_in_the_invoke_response()
    {
        var cardId = (string)fixture.PersonalWelcome["messageId"]!;

        var response = await Playground.ExecuteAsync(Playground.PersonalChat, cardId, "help", []);

        Assert.True((string?)response["type"] == "application/vnd.microsoft.card.adaptive",
            "Unexpected invoke response: " + response.ToJsonString() + "\n" + fixture.BotLog());
        var card = Assert.IsType<JsonObject>(response["value"]);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Contains(WelcomeHeading, CardText(card));
    }

    [Fact]
    public async Task The_personal_chat_reference_is_stored_with_the_playground_connector_url()
    {
        // The fixture installed the personal chat, so the bot must have saved its reference by now.
        var table = new TableClient(fixture.StorageConnectionString, fixture.TablePrefix + "Conversations");

        var row = await table.GetEntityIfExistsAsync<TableEntity>("c|" + Playground.PersonalChat, "ref");

        Assert.True(row.HasValue, "No conversation reference for the personal chat. " + fixture.BotLog());
        var entity = row.Value!;
        Assert.Equal(Playground.ConnectorUrl, entity.GetString("ServiceUrl")?.TrimEnd('/'));
    }

    private int IgnoredChannelTurns() => fixture.Bot.Logs.Entries.Count(e =>
        e.Message.StartsWith("Turn message in channel", StringComparison.Ordinal) && e.Message.EndsWith(": Ignored", StringComparison.Ordinal));

    /// <summary>What the Playground sends for a channel post (see its devTools log), without the mention entity.</summary>
    private JsonObject ChannelMessageWithoutMention(string threadId) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = "no mention here",
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["channelId"] = "msteams",
        ["serviceUrl"] = Playground.ConnectorUrl,
        ["from"] = new JsonObject { ["id"] = Playground.CurrentUser, ["aadObjectId"] = "00000000-0000-0000-0000-0000000000020" },
        ["recipient"] = new JsonObject { ["id"] = Playground.BotId, ["name"] = Playground.BotName },
        ["conversation"] = new JsonObject
        {
            ["id"] = threadId,
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = "00000000-0000-0000-0000-0000000000001",
        },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US" }),
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = Playground.Team,
            ["teamsTeamId"] = Playground.Team,
            ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-0000000000001" },
            ["team"] = new JsonObject { ["id"] = Playground.Team },
            ["channel"] = new JsonObject { ["id"] = Playground.Team },
        },
    };
}
