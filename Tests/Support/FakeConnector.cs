using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupervisionBot.Tests.Support;

/// <summary>What the fake connector answers one request with instead of accepting it.</summary>
public enum ConnectorFault
{
    Throttle,
    ServerError,
    Timeout,
    Blocked,
    Forbidden,
    NotFound,
}

/// <summary>
/// A loopback Bot Connector that enforces Teams-like limits: past the tenant rate (per second, over a
/// sliding second) and past 7 a second in one conversation it answers 429 with Retry-After. It can
/// inject 429, 5xx, timeouts, 403 and 404, scripted per conversation or at random, and records every
/// message it accepted, so a test can prove none was lost or sent twice.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const int ConversationRatePerSecond = 7;

    private readonly WebApplication _app;
    private readonly Queue<long> _acceptedTicks = new();
    private readonly Dictionary<string, Queue<long>> _conversationTicks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Conversation, string Text), int> _deliveredTexts = new();
    private readonly ConcurrentQueue<(string Conversation, string Card)> _deliveredCards = new();
    private readonly ConcurrentQueue<long> _requestTicks = new();
    private TaskCompletionSource<DateTime>? _throttleOnce;
    private int _throttleOnceSeconds;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ConnectorFault>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(long Ticks, string Conversation)> _log = new();
    private readonly int _ratePerSecond;
    private int _rateLimited;
    private int _injected;
    private int _requests;
    private int _nextThread;

    private FakeConnector(WebApplication app, string baseUrl, int ratePerSecond)
    {
        _app = app;
        BaseUrl = baseUrl;
        _ratePerSecond = ratePerSecond;
    }

    /// <summary>Ends with '/', as Teams' service URLs do.</summary>
    public string BaseUrl { get; }

    /// <summary>Chance that an acceptable request is answered 429 anyway (no Retry-After), and 503.</summary>
    public double RandomThrottle { get; set; }

    public double RandomServerError { get; set; }

    /// <summary>How long a "timeout" fault holds the request before answering.</summary>
    public TimeSpan Hang { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Conversations (personal chat ids) that answer 403 MessageWritesBlocked to everything.</summary>
    public ConcurrentDictionary<string, ConnectorFault> Permanent { get; } = new(StringComparer.Ordinal);

    /// <summary>429s the limits forced (not injected): a client that kept under the limits gets none.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    public int Injected => Volatile.Read(ref _injected);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Messages accepted per conversation.</summary>
    public IReadOnlyDictionary<string, int> Delivered => _delivered;

    public int DeliveredTotal => _delivered.Values.Sum();

    /// <summary>The Adaptive Cards (their JSON) that reached this conversation, in order.</summary>
    public IReadOnlyList<string> DeliveredCards(string conversationId) =>
        _deliveredCards.Where(c => c.Conversation == conversationId).Select(c => c.Card).ToList();

    /// <summary>How often this text reached this conversation.</summary>
    public int DeliveredText(string conversationId, string text) => _deliveredTexts.GetValueOrDefault((conversationId, text));

    /// <summary>Requests (of any answer) that arrived between the two times.</summary>
    public int RequestsBetween(DateTime from, DateTime to) => _requestTicks.Count(t => t >= from.Ticks && t < to.Ticks);

    /// <summary>Answers the next request 429 with this Retry-After; completes with the time it did.</summary>
    public Task<DateTime> ThrottleOnceAsync(int retryAfterSeconds)
    {
        _throttleOnceSeconds = retryAfterSeconds;
        var once = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _throttleOnce, once);
        return once.Task;
    }

    /// <summary>The most messages accepted within any one second.</summary>
    public int BusiestSecond()
    {
        var ticks = _log.Select(e => e.Ticks).Order().ToArray();
        var most = 0;
        for (int start = 0, end = 0; end < ticks.Length; end++)
        {
            while (ticks[end] - ticks[start] >= TimeSpan.TicksPerSecond)
            {
                start++;
            }
            most = Math.Max(most, end - start + 1);
        }
        return most;
    }

    /// <summary>Accepted messages per second between the first and the last.</summary>
    public double AcceptedRate()
    {
        var ticks = _log.Select(e => e.Ticks).ToArray();
        return ticks.Length < 2 ? 0 : (ticks.Length - 1) / TimeSpan.FromTicks(ticks.Max() - ticks.Min()).TotalSeconds;
    }

    /// <summary>The next requests to this conversation get these answers, in order, then normal ones.</summary>
    public void Script(string conversationId, params ConnectorFault[] faults)
    {
        var queue = _scripted.GetOrAdd(conversationId, _ => new ConcurrentQueue<ConnectorFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>The personal chat id this fake gives a Teams user.</summary>
    public static string PersonalChatOf(string teamsUserId) => "a:chat-" + teamsUserId;

    public static async Task<FakeConnector> StartAsync(int ratePerSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeConnector? fake = null;
        app.MapPost("/v3/conversations", (RequestDelegate)(http => fake!.CreateAsync(http)));
        app.MapPost("/v3/conversations/{conversationId}/activities", (RequestDelegate)(http => fake!.SendAsync(http, (string)http.Request.RouteValues["conversationId"]!)));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (RequestDelegate)(http => fake!.SendAsync(http, (string)http.Request.RouteValues["conversationId"]!)));
        await app.StartAsync();
        fake = new FakeConnector(app, app.Urls.First().TrimEnd('/') + "/", ratePerSecond);
        return fake;
    }

    private async Task CreateAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var root = body.RootElement;
        if (root.TryGetProperty("channelData", out var data) && data.TryGetProperty("channel", out var channel))
        {
            // A new channel thread: Teams posts the activity as its first message.
            var channelId = channel.GetProperty("id").GetString()!;
            if (await RefuseAsync(http, channelId))
            {
                return;
            }
            var thread = $"{channelId};messageid={Interlocked.Increment(ref _nextThread)}";
            var posted = root.TryGetProperty("activity", out var activity) ? activity : default;
            Accept(channelId, posted.ValueKind == JsonValueKind.Object && posted.TryGetProperty("text", out var text) ? text.GetString() : null, posted);
            await http.Response.WriteAsJsonAsync(new { id = thread, activityId = thread });
            return;
        }
        var user = root.GetProperty("members")[0].GetProperty("id").GetString()!;
        var chat = PersonalChatOf(user);
        if (await RefuseAsync(http, chat, counts: false))
        {
            return;
        }
        await http.Response.WriteAsJsonAsync(new { id = chat });
    }

    private async Task SendAsync(HttpContext http, string conversationId)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        if (await RefuseAsync(http, conversationId))
        {
            return;
        }
        Accept(conversationId, body.RootElement.TryGetProperty("text", out var text) ? text.GetString() : null, body.RootElement);
        http.Response.StatusCode = 201;
        await http.Response.WriteAsJsonAsync(new { id = "m" + Guid.NewGuid().ToString("N")[..8] });
    }

    private void Accept(string conversationId, string? text, JsonElement activity)
    {
        if (activity.ValueKind == JsonValueKind.Object && activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.TryGetProperty("content", out var card))
                {
                    _deliveredCards.Enqueue((conversationId, card.GetRawText()));
                }
            }
        }
        _delivered.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        _deliveredTexts.AddOrUpdate((conversationId, text ?? ""), 1, (_, n) => n + 1);
        _log.Enqueue((DateTime.UtcNow.Ticks, conversationId));
    }

    /// <returns>True when the request was answered with a fault or a 429.</returns>
    private async Task<bool> RefuseAsync(HttpContext http, string conversationId, bool counts = true)
    {
        Interlocked.Increment(ref _requests);
        _requestTicks.Enqueue(DateTime.UtcNow.Ticks);
        if (Interlocked.Exchange(ref _throttleOnce, null) is { } once)
        {
            http.Response.Headers.RetryAfter = _throttleOnceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await AnswerAsync(http, ConnectorFault.Throttle);
            once.SetResult(DateTime.UtcNow);
            return true;
        }
        ConnectorFault? fault = Permanent.TryGetValue(conversationId, out var permanent) ? permanent
            : _scripted.TryGetValue(conversationId, out var script) && script.TryDequeue(out var next) ? next
            : Random.Shared.NextDouble() < RandomThrottle ? ConnectorFault.Throttle
            : Random.Shared.NextDouble() < RandomServerError ? ConnectorFault.ServerError
            : null;
        if (fault is { } f)
        {
            Interlocked.Increment(ref _injected);
            await AnswerAsync(http, f);
            return true;
        }
        if (counts && !TryTakeSlot(conversationId))
        {
            Interlocked.Increment(ref _rateLimited);
            http.Response.Headers.RetryAfter = "1";
            await AnswerAsync(http, ConnectorFault.Throttle);
            return true;
        }
        return false;
    }

    private bool TryTakeSlot(string conversationId)
    {
        var now = DateTime.UtcNow.Ticks;
        lock (_acceptedTicks)
        {
            Trim(_acceptedTicks, now);
            if (!_conversationTicks.TryGetValue(conversationId, out var conversation))
            {
                _conversationTicks[conversationId] = conversation = new Queue<long>();
            }
            Trim(conversation, now);
            if (_acceptedTicks.Count >= _ratePerSecond || conversation.Count >= ConversationRatePerSecond)
            {
                return false;
            }
            _acceptedTicks.Enqueue(now);
            conversation.Enqueue(now);
            return true;
        }

        static void Trim(Queue<long> ticks, long now)
        {
            while (ticks.Count > 0 && now - ticks.Peek() >= TimeSpan.TicksPerSecond)
            {
                ticks.Dequeue();
            }
        }
    }

    private async Task AnswerAsync(HttpContext http, ConnectorFault fault)
    {
        switch (fault)
        {
            case ConnectorFault.Timeout:
                await Task.Delay(Hang);
                http.Response.StatusCode = 504;
                return;
            case ConnectorFault.Throttle:
                http.Response.StatusCode = 429;
                await http.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "slow down" } });
                return;
            case ConnectorFault.ServerError:
                http.Response.StatusCode = 503;
                return;
            case ConnectorFault.Blocked:
                http.Response.StatusCode = 403;
                await http.Response.WriteAsJsonAsync(new { error = new { code = "MessageWritesBlocked", message = "Thread is blocked." } });
                return;
            case ConnectorFault.Forbidden:
                http.Response.StatusCode = 403;
                await http.Response.WriteAsJsonAsync(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } });
                return;
            case ConnectorFault.NotFound:
                http.Response.StatusCode = 404;
                await http.Response.WriteAsJsonAsync(new { error = new { code = "ConversationNotFound", message = "Conversation not found." } });
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
