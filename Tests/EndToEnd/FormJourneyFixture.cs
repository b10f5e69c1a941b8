using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>Azurite, the bot and the real Playground, with the Playground's user holding every role.</summary>
public sealed partial class FormJourneyFixture : IAsyncLifetime
{
    public const string AllRolesUser = "00000000-0000-0000-0000-0000000000020";

    public string TablePrefix { get; } = Azurite.NewTablePrefix("journey");
    public string StorageConnectionString { get; private set; } = "";
    public RunningBot Bot { get; private set; } = null!;
    public Playground Playground { get; private set; } = null!;
    public int BotPort { get; } = Ports.Free();

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Roles:Users:{AllRolesUser}:0"] = "Supervisor",
        [$"Roles:Users:{AllRolesUser}:1"] = "UnitHead",
        [$"Roles:Users:{AllRolesUser}:2"] = "GroupChair",
        [$"Roles:Users:{AllRolesUser}:3"] = "Director",
        [$"Roles:Users:{AllRolesUser}:4"] = "Teacher",
        [$"Roles:Users:{AllRolesUser}:5"] = "CentreChair",
    };

    public async Task InitializeAsync()
    {
        StorageConnectionString = (await Azurite.GetAsync()).ConnectionString;
        Bot = await RunningBot.StartAsync(StorageConnectionString, TablePrefix, Settings, port: BotPort);
        Playground = await Playground.StartAsync(Bot.MessagesUrl);
    }

    /// <summary>Stops the bot and starts a new one on the same port and tables, as a redeploy would.</summary>
    public async Task RestartBotAsync()
    {
        await Bot.DisposeAsync();
        Bot = await RunningBot.StartAsync(StorageConnectionString, TablePrefix, Settings, port: BotPort);
    }

    public async Task DisposeAsync()
    {
        await Playground.DisposeAsync();
        await Bot.DisposeAsync();
    }

    public TableClient Table(string name) => new TableServiceClient(StorageConnectionString).GetTableClient(TablePrefix + name);

    /// <summary>Sends text in the personal chat and returns the next card the bot posts that satisfies the predicate.</summary>
    public async Task<(string MessageId, JsonNode Card)> SayAndWaitForCardAsync(string text, Func<JsonNode, bool> predicate, string what)
    {
        await Playground.SendTextAsync(Playground.PersonalChat, text);
        return WaitForCard(predicate, what);
    }

    public (string MessageId, JsonNode Card) WaitForCard(Func<JsonNode, bool> predicate, string what)
    {
        var message = Playground.WaitForBotMessage(m => CardOf(m) is { } card && predicate(card), TimeSpan.FromSeconds(30), what);
        return (message["messageId"]!.ToString(), CardOf(message)!);
    }

    /// <summary>Presses an Action.Execute button the way Teams does: an invoke whose answer replaces the card.</summary>
    public async Task<JsonNode> PressAsync(string cardMessageId, JsonNode card, string verb, JsonObject? inputs = null, int occurrence = 0)
    {
        var data = CardAnswers.Button(card, verb, occurrence) ?? throw new InvalidOperationException($"No '{verb}' button on {card.ToJsonString()}");
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }
        var response = await Playground.ExecuteAsync(Playground.PersonalChat, cardMessageId, verb, data);
        return response["value"] ?? throw new InvalidOperationException("The invoke answered without a card: " + response.ToJsonString());
    }

    public static string? ReferenceIn(JsonNode card) => ReferencePattern().Match(card.ToJsonString()) is { Success: true } m ? m.Value : null;

    private static JsonNode? CardOf(JsonObject message) =>
        message["attachments"] is JsonArray { Count: > 0 } attachments ? attachments[0]!["content"] : null;

    [GeneratedRegex("[A-Z]{2,3}-[0-9]{6}-[2-9A-Z]{6}")]
    private static partial Regex ReferencePattern();
}
