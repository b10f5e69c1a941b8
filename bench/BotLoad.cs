using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupervisionBot.Bench;

/// <summary>A personal chat between one user and the bot, as Teams would present it.</summary>
internal sealed record BenchConversation(string Id, string UserId, string UserAadObjectId)
{
    public static BenchConversation[] Create(string phase, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new BenchConversation($"a:{phase}-{i:D4}", $"29:{phase}-user-{i:D4}", Guid.NewGuid().ToString()))
            .ToArray();

    /// <summary>Unique per run, so the bot's redelivery check never drops a benchmark turn.</summary>
    public static string ActivityId(string phase, int worker, int index) => $"{phase}-{worker}-{index}";
}

/// <summary>Sends activities to the bot exactly as the Bot Connector does: JSON body plus a signed bearer token.</summary>
internal sealed class BotLoad(HttpClient http, Uri messages, string serviceUrl, string tenantId, string botId, string token, TimeProvider time)
{
    /// <summary>Thai small talk: answered with a text hint, after the bot checks for an open form.</summary>
    public const string SmallTalk = "สวัสดี";

    // Half small talk, half "help" (answered with the full card).
    private static readonly string[] Texts = [SmallTalk, "help"];

    private readonly AuthenticationHeaderValue _authorization = new("Bearer", token);

    public Task<Measurement> RunAsync(string phase, BenchConversation[] conversations, int turns, CancellationToken cancellationToken) =>
        ClosedLoop.RunAsync(conversations.Length, turns, async (worker, index, ct) =>
        {
            using var response = await PostAsync(Message(conversations[worker], BenchConversation.ActivityId(phase, worker, index), TextOf(index)), ct);
        }, cancellationToken);

    /// <summary>What a chat's <paramref name="index"/>-th message says.</summary>
    public static string TextOf(int index) => Texts[index % Texts.Length];

    /// <summary>A message the user typed in the chat.</summary>
    public byte[] Message(BenchConversation conversation, string activityId, string text) =>
        Activity("message", conversation, activityId, json =>
        {
            json.WriteString("text", text);
            json.WriteString("textFormat", "plain");
        });

    /// <summary>An Action.Execute button pressed on the card message <paramref name="cardMessageId"/>, as Teams sends it.</summary>
    public byte[] CardAction(BenchConversation conversation, string activityId, string cardMessageId, string verb, JsonObject data) =>
        Activity("invoke", conversation, activityId, json =>
        {
            json.WriteString("name", "adaptiveCard/action");
            json.WriteString("replyToId", cardMessageId);
            json.WriteStartObject("value");
            json.WriteStartObject("action");
            json.WriteString("type", "Action.Execute");
            json.WriteString("verb", verb);
            json.WritePropertyName("data");
            data.WriteTo(json);
            json.WriteEndObject();
            json.WriteString("trigger", "manual");
            json.WriteEndObject();
        });

    /// <summary>POSTs one activity; anything but 200 fails the turn. The caller owns the response (an invoke's body is its answer).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, messages) { Content = new ByteArrayContent(activity) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = _authorization;
        var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            response.Dispose();
            throw new TurnFailedException($"bot answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        return response;
    }

    /// <summary>
    /// The fields every activity from Teams carries. Message and card-action turns of a chat send the same
    /// sender, chat and locale, so the bot's conversation-reference cache sees one unchanged reference.
    /// </summary>
    private byte[] Activity(string type, BenchConversation conversation, string activityId, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("id", activityId);
            json.WriteString("timestamp", time.GetUtcNow());
            json.WriteString("serviceUrl", serviceUrl);
            json.WriteString("channelId", "msteams");
            json.WriteStartObject("from");
            json.WriteString("id", conversation.UserId);
            json.WriteString("name", "Bench User");
            json.WriteString("aadObjectId", conversation.UserAadObjectId);
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("id", conversation.Id);
            json.WriteString("conversationType", "personal");
            json.WriteString("tenantId", tenantId);
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", botId);
            json.WriteString("name", "SupervisionBot");
            json.WriteEndObject();
            fields(json);
            json.WriteString("locale", "th-TH");
            json.WriteStartObject("channelData");
            json.WriteStartObject("tenant");
            json.WriteString("id", tenantId);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
