using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>What the proactive journeys (a visit, a campaign) do with the Playground beyond the form journeys.</summary>
public static class PlaygroundJourney
{
    /// <summary>
    /// The repository's Playground context with its people's object ids written as real GUIDs (the
    /// file's have a digit too many), since the directory import accepts nothing else.
    /// </summary>
    public static string ConfigWithDirectoryIds()
    {
        var yaml = WithDirectoryIds(File.ReadAllText(Path.Combine(RepoPaths.Root, ".m365agentsplayground.yml")));
        var path = Path.Combine(Directory.CreateTempSubdirectory("playground-journey-").FullName, ".m365agentsplayground.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>The bot's id in <see cref="ConfigWithDirectoryIds"/>'s context.</summary>
    public static string BotId => WithDirectoryIds(Playground.BotId);

    private static string WithDirectoryIds(string text) =>
        text.Replace("00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000", StringComparison.Ordinal);

    /// <summary>The first card of the bot whose text holds <paramref name="title"/>.</summary>
    public static (string MessageId, JsonNode Card) WaitForCard(this Playground playground, string title, TimeSpan within)
    {
        var message = playground.WaitForBotMessage(
            m => PlaygroundFixture.Card(m) is { } c && PlaygroundFixture.CardText(c).Contains(title, StringComparison.Ordinal), within, title);
        return (message["messageId"]!.ToString(), PlaygroundFixture.Card(message)!);
    }

    /// <summary>Presses the card's button with <paramref name="verb"/> in the personal chat, with inputs; returns the card that replaces it.</summary>
    public static async Task<JsonNode> PressAsync(this Playground playground, string messageId, JsonNode card, string verb, JsonObject? inputs = null)
    {
        var data = CardAnswers.Button(card, verb)!;
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }
        return (await playground.ExecuteAsync(Playground.PersonalChat, messageId, verb, data))["value"]!;
    }

    /// <summary>Fills in every page of the form whose first page is <paramref name="card"/> and submits it.</summary>
    public static async Task FillAndSubmitAsync(this Playground playground, string messageId, JsonNode card)
    {
        for (var page = 0; !CardAnswers.HasButton(card, "form.submit"); page++)
        {
            Assert.True(page < 20, "the form never reached its review card: " + card.ToJsonString());
            var verb = CardAnswers.HasButton(card, "form.review") ? "form.review" : "form.next";
            card = await playground.PressAsync(messageId, card, verb, CardAnswers.FillAll(card));
        }
        await playground.PressAsync(messageId, card, "form.submit");
    }
}
