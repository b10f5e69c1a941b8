using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Activity = SupervisionBot.Bot.Protocol.Activity;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Protocol;

namespace SupervisionBot.Bot.Messaging;

/// <summary>POST /api/messages: where the Bot Connector (or the Playground) delivers every activity.</summary>
public static partial class MessagesEndpoint
{
    public const string Route = "/api/messages";

    // Teams caps a message near 100 KB; anything far larger is not from Teams.
    private const long MaxBodyBytes = 1024 * 1024;

    public static void MapMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        // The Playground probes the endpoint with HEAD before it connects.
        endpoints.MapMethods(Route, [HttpMethods.Head], () => Results.Ok());
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IInboundAuthenticator authenticator,
        IOptions<BotCredentials> credentials,
        ServiceUrlPolicy serviceUrls,
        TenantPolicy tenants,
        IOptions<MessagingOptions> options,
        TimeProvider time,
        TurnProcessor processor,
        ILogger<TurnProcessor> logger)
    {
        var started = Stopwatch.GetTimestamp();
        IResult Reject(int status, string? activityType, string reason)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRejected(logger, Untrusted.Shorten(activityType), http.Connection.RemoteIpAddress, elapsed, TurnOutcome.Rejected, status, reason);
            TurnMetrics.Record(activityType ?? "unreadable", null, TurnOutcome.Rejected, elapsed);
            return Results.StatusCode(status);
        }

        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        // No credentials, no work: an anonymous sender cannot make the bot read (or wait for) a body.
        if (!credentials.Value.IsLocalMode && string.IsNullOrWhiteSpace(authorization))
        {
            return Reject(StatusCodes.Status401Unauthorized, null, "no Authorization header");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, null, $"Content-Length {http.Request.ContentLength}");
        }

        // Content-Length alone is no limit: a chunked body states none. Kestrel counts what is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxBodyBytes;
        }

        Activity? activity;
        try
        {
            // Read whole (it is bounded above) and checked to be UTF-8 first: the JSON reader lets bytes
            // that are not UTF-8 through in names it keeps raw, and such a body is no activity.
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
            if (bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }
            activity = Utf8.IsValid(bytes) ? JsonSerializer.Deserialize(bytes, ProtocolJson.Wire.Activity) : null;
        }
        catch (JsonException)
        {
            activity = null;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, null, $"body over {MaxBodyBytes} bytes");
        }

        if (activity?.Type is not { Length: > 0 })
        {
            return Reject(StatusCodes.Status400BadRequest, "unreadable", "not an activity");
        }

        // The token is checked against the activity's channel and serviceUrl, so the body is read
        // first, but nothing in it is acted on or stored before every check below passes.
        var auth = await authenticator.AuthenticateAsync(
            new InboundRequest(authorization, activity.ChannelId, activity.ServiceUrl, http.Connection.RemoteIpAddress, IsForwarded(http.Request)),
            http.RequestAborted);
        if (!auth.Accepted)
        {
            return Reject(auth.StatusCode, activity.Type, auth.Reason ?? "");
        }

        switch (serviceUrls.Check(activity.ServiceUrl))
        {
            case ServiceUrlVerdict.Malformed:
                return Reject(StatusCodes.Status400BadRequest, activity.Type, $"serviceUrl '{Untrusted.Shorten(activity.ServiceUrl)}' is not an absolute http(s) URL");
            case ServiceUrlVerdict.NotAllowed:
                return Reject(StatusCodes.Status403Forbidden, activity.Type, $"serviceUrl '{Untrusted.Shorten(activity.ServiceUrl)}' is not on Connector:AllowedServiceHosts");
        }

        if (tenants.Refusal(activity.Conversation?.TenantId, activity.ChannelData?.Tenant?.Id) is { } tenantRefusal)
        {
            return Reject(StatusCodes.Status403Forbidden, activity.Type, tenantRefusal);
        }

        // Ends with the deadline or when the caller hangs up, whichever comes first; connector retries and
        // their waits run on this token, so they cannot outlast it.
        using var deadline = new CancellationTokenSource(options.Value.TurnDeadline, time);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, http.RequestAborted);
        TurnOutcome outcome;
        InvokeResponseBody? invokeResponse;
        try
        {
            (outcome, invokeResponse) = await processor.ProcessAsync(activity, turn.Token);
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested)
        {
            var aborted = http.RequestAborted.IsCancellationRequested;
            EndTurn(logger, activity.Type, activity.Conversation?.ConversationType, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                aborted ? TurnOutcome.Aborted : TurnOutcome.TimedOut);
            // A timed-out turn is the bot's failure, and the channel may deliver it again (the redelivery
            // finds its claim and is dropped); an aborted one has nobody left to answer.
            return aborted ? Results.Empty : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        EndTurn(logger, activity.Type, activity.Conversation?.ConversationType, Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome);

        if (outcome == TurnOutcome.Refused)
        {
            return Results.BadRequest();
        }
        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }
        // Like the Bot Framework SDK: an invoke nobody handles is "not implemented".
        return invokeResponse is null
            ? Results.StatusCode(StatusCodes.Status501NotImplemented)
            : Results.Json(invokeResponse, ProtocolJson.Wire.InvokeResponseBody);
    }

    private static bool IsForwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded")
        // Left behind by ASP.NET's forwarded-headers middleware when it has already consumed X-Forwarded-For.
        || request.Headers.ContainsKey("X-Original-For");

    private static void EndTurn(ILogger logger, string activityType, string? conversationType, double durationMs, TurnOutcome outcome)
    {
        LogTurn(logger, activityType, conversationType, durationMs, outcome);
        TurnMetrics.Record(activityType, conversationType, outcome, durationMs);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ActivityType} in {ConversationType} took {DurationMs:F1} ms: {Outcome}")]
    private static partial void LogTurn(ILogger logger, string activityType, string? conversationType, double durationMs, TurnOutcome outcome);

    /// <summary>The one line a refused request gets; every value in it is shortened first.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {ActivityType} from {Remote} took {DurationMs:F1} ms: {Outcome} with {StatusCode}, {Reason}")]
    private static partial void LogRejected(ILogger logger, string activityType, System.Net.IPAddress? remote, double durationMs, TurnOutcome outcome, int statusCode, string reason);
}
