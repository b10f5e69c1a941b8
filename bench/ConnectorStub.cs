using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupervisionBot.Bench;

/// <summary>
/// The Bot Connector at the activities' serviceUrl: accepts sends and replies with 201 and an id, and
/// counts them per replied-to activity so the run can prove every turn was answered exactly once.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _expectedAuthorization;
    private readonly ConcurrentDictionary<string, int> _repliesByActivity = new(StringComparer.Ordinal);
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
            app.MapPost("/v3/conversations/{conversationId}/activities", (RequestDelegate)(http => stub!.HandleAsync(http, null)));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (RequestDelegate)(http => stub!.HandleAsync(http, http.Request.RouteValues["activityId"] as string)));
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

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext http, string? replyToActivityId)
    {
        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
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
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($$"""{"id":"reply-{{id}}"}""", http.RequestAborted);
    }
}
