using System.Diagnostics;
using System.Text.Json;
using Activity = SupervisionBot.Bot.Protocol.Activity;
using SupervisionBot.Bot.Auth;
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

    private static async Task<IResult> HandleAsync(HttpContext http, IInboundAuthenticator authenticator, TurnProcessor processor, ILogger<TurnProcessor> logger)
    {
        var started = Stopwatch.GetTimestamp();
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, ProtocolJson.Wire.Activity, http.RequestAborted);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity?.Type is not { Length: > 0 })
        {
            EndTurn(logger, "unreadable", null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, TurnOutcome.Rejected);
            return Results.BadRequest();
        }

        // The token is checked against the activity's channel and serviceUrl, so the body is read
        // first, but nothing in it is acted on or stored before the check passes.
        var auth = await authenticator.AuthenticateAsync(
            new InboundRequest(http.Request.Headers.Authorization.FirstOrDefault(), activity.ChannelId, activity.ServiceUrl, http.Connection.RemoteIpAddress),
            http.RequestAborted);
        if (!auth.Accepted)
        {
            logger.LogWarning("Rejected {ActivityType} from {Remote}: {Reason}", activity.Type, http.Connection.RemoteIpAddress, auth.Reason);
            EndTurn(logger, activity.Type, activity.Conversation?.ConversationType, Stopwatch.GetElapsedTime(started).TotalMilliseconds, TurnOutcome.Rejected);
            return Results.StatusCode(auth.StatusCode);
        }

        // Not the request's token: a turn that started should finish its writes even if Teams stops waiting.
        var (outcome, invokeResponse) = await processor.ProcessAsync(activity, CancellationToken.None);
        EndTurn(logger, activity.Type, activity.Conversation?.ConversationType, Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome);

        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }
        // Like the Bot Framework SDK: an invoke nobody handles is "not implemented".
        return invokeResponse is null
            ? Results.StatusCode(StatusCodes.Status501NotImplemented)
            : Results.Json(invokeResponse, ProtocolJson.Wire.InvokeResponseBody);
    }

    private static void EndTurn(ILogger logger, string activityType, string? conversationType, double durationMs, TurnOutcome outcome)
    {
        LogTurn(logger, activityType, conversationType, durationMs, outcome);
        TurnMetrics.Record(activityType, conversationType, outcome, durationMs);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ActivityType} in {ConversationType} took {DurationMs:F1} ms: {Outcome}")]
    private static partial void LogTurn(ILogger logger, string activityType, string? conversationType, double durationMs, TurnOutcome outcome);
}
