using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupervisionBot.Bench;

/// <summary>An activity the bot posted, with the id the stub gave it (a later card action names it as replyToId).</summary>
internal sealed record PostedActivity(string Id, JsonObject Body);

/// <summary>
/// The Bot Connector at the activities' serviceUrl: accepts sends and replies with 201 and an id, and
/// counts them per replied-to activity so the run can prove every turn was answered exactly once.
/// Bodies are thrown away unread, except the next one to a conversation someone waits on
/// (<see cref="NextPostAsync"/>): parsing every reply would charge the message workload for it.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _expectedAuthorization;
    private readonly ConcurrentDictionary<string, int> _repliesByActivity = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PostedActivity>> _waiters = new(StringComparer.Ordinal);
    private int _accepted;
    private int _unauthorized;

    private ConnectorStub(WebApplication app, string baseUrl, string accessToken)
    {
        _app = app;
        BaseUrl = baseUrl;
        _expectedAuthorization = "Bearer " + accessToken;
    }

    /// <summary>Ends with '/', as Teams sends it; the inbound token's serviceurl claim must match it.</summary>
    public string BaseUrl { get; }

    public int Accepted => Volatile.Read(ref _accepted);

    public int Unauthorized => Volatile.Read(ref _unauthorized);

    public static async Task<ConnectorStub> StartAsync(string accessToken, CancellationToken cancellationToken)
    {
        ConnectorStub? stub = null;
        var (app, baseUrl) = await Loopback.StartServerAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (RequestDelegate)(http => stub!.HandleAsync(http, ConversationOf(http), null)));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (RequestDelegate)(http => stub!.HandleAsync(http, ConversationOf(http), http.Request.RouteValues["activityId"] as string)));
        }, cancellationToken);
        stub = new ConnectorStub(app, baseUrl + "/", accessToken);
        return stub;
    }

    /// <summary>How many replies each of <paramref name="activityIds"/> got: (none, more than one).</summary>
    public (int Missing, int Duplicated) CheckReplies(IEnumerable<string> activityIds)
    {
        int missing = 0, duplicated = 0;
        foreach (var id in activityIds)
        {
            var count = _repliesByActivity.GetValueOrDefault(id);
            missing += count == 0 ? 1 : 0;
            duplicated += count > 1 ? 1 : 0;
        }
        return (missing, duplicated);
    }

    /// <summary>
    /// The next activity the bot posts to <paramref name="conversationId"/>. Call before sending the turn
    /// that causes it; the bot posts before it answers the turn's POST, so await it after that answer.
    /// </summary>
    public async Task<PostedActivity> NextPostAsync(string conversationId, Func<Task> send, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<PostedActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_waiters.TryAdd(conversationId, waiter))
        {
            throw new InvalidOperationException($"Already waiting for a post to {conversationId}.");
        }
        try
        {
            await send();
            return await waiter.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TurnFailedException($"the bot posted nothing to {conversationId} within {timeout.TotalSeconds:F0} s");
        }
        finally
        {
            _waiters.TryRemove(KeyValuePair.Create(conversationId, waiter));
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    // Route values arrive unescaped ("a%3Ax" → "a:x"), as the bot's conversation ids are.
    private static string ConversationOf(HttpContext http) => http.Request.RouteValues["conversationId"] as string ?? "";

    private async Task HandleAsync(HttpContext http, string conversationId, string? replyToActivityId)
    {
        _waiters.TryGetValue(conversationId, out var waiter);
        JsonObject? body = null;
        if (waiter is null)
        {
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }
        else
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        if (!string.Equals(http.Request.Headers.Authorization, _expectedAuthorization, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unauthorized);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var id = Interlocked.Increment(ref _accepted);
        if (replyToActivityId is not null)
        {
            _repliesByActivity.AddOrUpdate(replyToActivityId, 1, (_, n) => n + 1);
        }
        if (waiter is not null && body is not null)
        {
            waiter.TrySetResult(new PostedActivity($"reply-{id}", body));
        }
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"id":"reply-{{id}}"}""", http.RequestAborted);
    }
}
