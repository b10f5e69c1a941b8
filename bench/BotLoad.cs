using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

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

/// <summary>Sends message activities to the bot exactly as the Bot Connector does: JSON body plus a signed bearer token.</summary>
internal sealed class BotLoad(HttpClient http, Uri messages, string serviceUrl, string tenantId, string botId, TimeProvider time)
{
    // Half Thai small talk (answered with a text hint), half "help" (answered with the full card).
    private static readonly string[] Texts = ["สวัสดี", "help"];

    public async Task<Measurement> RunAsync(string phase, BenchConversation[] conversations, string token, int turns, CancellationToken cancellationToken)
    {
        var authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ClosedLoop.RunAsync(conversations.Length, turns, async (worker, index, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, messages)
            {
                Content = new ByteArrayContent(Activity(conversations[worker], BenchConversation.ActivityId(phase, worker, index), Texts[index % Texts.Length])),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = authorization;
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new TurnFailedException($"bot answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }, cancellationToken);
    }

    private byte[] Activity(BenchConversation conversation, string activityId, string text)
    {
        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
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
            json.WriteString("text", text);
            json.WriteString("textFormat", "plain");
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
