using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>
/// One bot (Development, a table prefix of its own, the shared Azurite) and one real Playground pointed
/// at it, per test class. The personal chat is installed once here, because the Playground has a single
/// personal chat and the welcome is sent once per conversation: every test can then rely on it being
/// greeted already, whatever order xunit runs them in.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public RunningBot Bot { get; private set; } = null!;
    public Playground Playground { get; private set; } = null!;
    public string StorageConnectionString { get; private set; } = "";
    public string TablePrefix { get; } = Azurite.NewTablePrefix("e2e");

    /// <summary>The bot's answer to the first installation in the personal chat.</summary>
    public JsonObject PersonalWelcome { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        StorageConnectionString = azurite.ConnectionString;
        Bot = await RunningBot.StartAsync(StorageConnectionString, TablePrefix);
        Playground = await Playground.StartAsync(Bot.MessagesUrl);
        Playground.Diagnostics = BotLog;

        await Playground.InstallAsync(Playground.PersonalChat);
        PersonalWelcome = Playground.WaitForBotMessage(
            m => In(m, Playground.PersonalChat) && IsCard(m), Wait, "(welcome card after installing the personal chat)");
    }

    public async Task DisposeAsync()
    {
        // Either may be missing when starting failed; the start's exception is the one to see.
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }

    public string BotLog() =>
        "--- Bot log ---\n" + string.Join("\n", Bot.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    public int BotLogCount(string startsWith) => Bot.Logs.Entries.Count(e => e.Message.StartsWith(startsWith, StringComparison.Ordinal));

    /// <summary>
    /// Waits until the bot has logged <paramref name="count"/> lines starting with the text. The bot logs a
    /// turn's line after its replies were accepted by the connector, so it marks "that turn is finished".
    /// </summary>
    public async Task WaitForBotLogAsync(string startsWith, int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (BotLogCount(startsWith) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot did not log \"{startsWith}…\" {count} times within {Wait}. {Playground.Describe()}");
            }
            await Task.Delay(50);
        }
    }

    public static bool In(JsonObject message, string conversationId) =>
        (string?)message["_conversationId"] == conversationId;

    public static bool IsCard(JsonObject message) => Card(message) is not null;

    /// <summary>The Adaptive Card content of a bot message, or null when it carries none.</summary>
    public static JsonObject? Card(JsonObject message) =>
        message["attachments"] is JsonArray attachments
            ? attachments.OfType<JsonObject>()
                .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")
                .Select(a => a["content"] as JsonObject)
                .FirstOrDefault(c => c is not null)
            : null;

    /// <summary>All TextBlock texts and fact titles/values of a card, in order: what a reader sees.</summary>
    public static string CardText(JsonObject card)
    {
        var texts = new List<string>();
        Collect(card, texts);
        return string.Join("\n", texts);

        static void Collect(JsonNode? node, List<string> into)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var key in new[] { "text", "title", "value" })
                    {
                        if (obj[key] is JsonValue v && v.TryGetValue<string>(out var s))
                        {
                            into.Add(s);
                        }
                    }
                    foreach (var (_, child) in obj)
                    {
                        if (child is JsonObject or JsonArray)
                        {
                            Collect(child, into);
                        }
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, into);
                    }
                    break;
            }
        }
    }
}
