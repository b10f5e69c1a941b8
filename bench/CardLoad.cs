using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// One chat's open satisfaction form as its user's client sees it: the card on screen (whose buttons carry
/// the state version) and the message that card lives in. Each worker owns one, so no locking.
/// </summary>
internal sealed class OpenForm(BenchConversation conversation, string cardMessageId, JsonNode card, JsonObject supervisorAnswers)
{
    public BenchConversation Conversation { get; } = conversation;

    public string CardMessageId { get; } = cardMessageId;

    public JsonNode Card { get; set; } = card;

    /// <summary>Valid Likert answers for the supervisor page, read from that page's own inputs once.</summary>
    public JsonObject SupervisorAnswers { get; } = supervisorAnswers;

    /// <summary>True on the supervisor page (section 2), false on the process page (section 3).</summary>
    public bool OnSupervisorPage { get; set; } = true;
}

/// <summary>
/// Card-submit turns: Action.Execute presses on the satisfaction form, each a real state change (the bot
/// reads the session, validates, writes it back conditionally and answers with the next card).
/// </summary>
internal sealed class CardLoad(BotLoad bot, ConnectorStub connector)
{
    public const string FormId = "supervision-satisfaction";

    /// <summary>What a teacher types to open the form (a command of the form in the catalogue).</summary>
    private const string StartCommand = "ประเมิน";

    private const string Next = "form.next";
    private const string Back = "form.back";
    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(30);

    private int _unexpectedPosts;

    /// <summary>Messages the bot posted to the connector during measured card turns; an invoke's answer is its HTTP response, so 0.</summary>
    public int UnexpectedPosts => Volatile.Read(ref _unexpectedPosts);

    /// <summary>
    /// Not measured: in each chat, types the command (the first card arrives at the connector, as in Teams),
    /// then presses Next on the optional first page, leaving every chat on the supervisor page.
    /// </summary>
    public async Task<OpenForm[]> OpenAsync(string phase, BenchConversation[] conversations, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.WhenAll(conversations.Select(async (conversation, worker) =>
            {
                var posted = await connector.NextPostAsync(conversation.Id, async () =>
                {
                    using var response = await bot.PostAsync(bot.Message(conversation, BenchConversation.ActivityId(phase + "open", worker, 0), StartCommand), cancellationToken);
                }, CardTimeout, cancellationToken);
                var firstPage = posted.Body["attachments"]?[0]?["content"] ?? throw new TurnFailedException($"'{StartCommand}' was answered without a card: {Shorten(posted.Body.ToJsonString())}");
                var supervisorPage = await PressAsync(conversation, posted.Id, firstPage, Next, CardAnswers.FillAll(firstPage), BenchConversation.ActivityId(phase + "open", worker, 1), cancellationToken);
                return new OpenForm(conversation, posted.Id, supervisorPage, CardAnswers.FillAll(supervisorPage));
            }));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is TurnFailedException or HttpRequestException or TaskCanceledException)
        {
            throw new HarnessException($"Could not open the satisfaction form in the {phase} chats: {ex.Message}");
        }
    }

    /// <summary>Next with valid answers (supervisor → process page), then Back, alternating, in every chat.</summary>
    public async Task<Measurement> RunAsync(string phase, OpenForm[] forms, int turns, CancellationToken cancellationToken)
    {
        var postsBefore = connector.Accepted;
        var measurement = await ClosedLoop.RunAsync(forms.Length, turns, async (worker, index, ct) =>
        {
            var form = forms[worker];
            var (verb, inputs) = form.OnSupervisorPage ? (Next, form.SupervisorAnswers) : (Back, null);
            form.Card = await PressAsync(form.Conversation, form.CardMessageId, form.Card, verb, inputs, BenchConversation.ActivityId(phase, worker, index), ct);
            form.OnSupervisorPage = !form.OnSupervisorPage;
        }, cancellationToken);
        Interlocked.Add(ref _unexpectedPosts, connector.Accepted - postsBefore);
        return measurement;
    }

    /// <summary>Presses <paramref name="verb"/> on <paramref name="card"/> and returns the card the bot answered with, checked.</summary>
    private async Task<JsonNode> PressAsync(BenchConversation conversation, string cardMessageId, JsonNode card, string verb, JsonObject? inputs, string activityId, CancellationToken cancellationToken)
    {
        var data = CardAnswers.Button(card, verb) ?? throw new TurnFailedException($"the card has no {verb} button");
        var version = StateVersion(data);
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }
        using var response = await bot.PostAsync(bot.CardAction(conversation, activityId, cardMessageId, verb, data), cancellationToken);
        var body = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (body?["statusCode"]?.GetValue<int>() != 200 || body["type"]?.GetValue<string>() != AdaptiveCardType || body["value"] is not JsonObject answered)
        {
            throw new TurnFailedException($"{verb} was not answered with a card: {Shorten(body?.ToJsonString())}");
        }
        // Every button of a card carries the same state; Back is on every page after the first.
        var next = CardAnswers.Button(answered, Back) ?? CardAnswers.Button(answered, Next);
        if (next is null || StateVersion(next) != version + 1)
        {
            throw new TurnFailedException($"{verb} on version {version} answered a card with version {(next is null ? "none" : StateVersion(next))}: {Shorten(answered.ToJsonString())}");
        }
        return answered;
    }

    private static int StateVersion(JsonObject data) =>
        data["stateVersion"] is JsonValue value && value.TryGetValue<int>(out var version) ? version : -1;

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length <= 300 ? text : text[..300] + "…";
}
