using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Messaging;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Bot.Outbox;

public enum AttemptOutcome
{
    Success,
    Throttled,

    /// <summary>Timeout, 5xx or a dropped connection: worth another attempt later.</summary>
    Transient,

    /// <summary>The connector's answer will not change: give up with the reason.</summary>
    Final,
}

/// <summary>One call's outcome, in the outbox's terms.</summary>
public sealed record DeliveryAttempt(
    AttemptOutcome Outcome,
    string? ConversationId = null,
    string? ActivityId = null,
    string? ServiceUrl = null,
    OutboxFailure? Failure = null,
    string? Reason = null,
    TimeSpan? RetryAfter = null);

/// <summary>
/// The connector client with one attempt per call: the outbox retries through its queue, where a
/// wait holds no memory or thread and survives a restart, and where a 429 can slow every sender.
/// </summary>
public sealed class OutboxConnector(ConnectorClient client, IOptions<OutboxOptions> options)
{
    public const string HttpClientName = "Outbox";

    private readonly OutboxOptions _options = options.Value;

    public Task<DeliveryAttempt> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(ct => client.SendToConversationAsync(serviceUrl, conversationId, activity, ct),
            r => new DeliveryAttempt(AttemptOutcome.Success, conversationId, r?.Id), cancellationToken);

    public Task<DeliveryAttempt> OpenPersonalChatAsync(string serviceUrl, string? tenantId, string teamsUserId, CancellationToken cancellationToken) =>
        CallAsync(ct => client.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount { Id = teamsUserId }],
            TenantId = tenantId,
            ChannelData = tenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        }, ct), r => r?.Id is { Length: > 0 } id
            ? new DeliveryAttempt(AttemptOutcome.Success, id, null, r.ServiceUrl)
            : new DeliveryAttempt(AttemptOutcome.Transient, Reason: "the connector opened no chat"), cancellationToken);

    /// <summary>A new thread in a channel: Teams creates it and posts the activity as its first message.</summary>
    public Task<DeliveryAttempt> PostToChannelAsync(string serviceUrl, string? tenantId, string channelId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(ct => client.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = true,
            TenantId = tenantId,
            Activity = activity,
            ChannelData = new TeamsChannelData
            {
                Channel = new ChannelInfo { Id = channelId },
                Tenant = tenantId is null ? null : new TenantInfo { Id = tenantId },
            },
        }, ct), r => new DeliveryAttempt(AttemptOutcome.Success, r?.Id, r?.ActivityId, r?.ServiceUrl), cancellationToken);

    public static Activity ToActivity(OutboxMessage message)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = message.Text, TextFormat = "markdown" };
        if (message.CardJson is { } card)
        {
            using var document = System.Text.Json.JsonDocument.Parse(card);
            activity.Attachments = [new Attachment { ContentType = ActivityConverter.AdaptiveCardContentType, Content = document.RootElement.Clone() }];
        }
        return activity;
    }

    private async Task<DeliveryAttempt> CallAsync<T>(Func<CancellationToken, Task<ConnectorResult<T>>> call, Func<T?, DeliveryAttempt> success, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        ConnectorResult<T> result;
        try
        {
            result = await call(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(AttemptOutcome.Transient, Reason: $"timeout after {_options.SendTimeout.TotalSeconds:0.#} s");
        }
        return result.Outcome switch
        {
            ConnectorOutcome.Success => success(result.Value),
            ConnectorOutcome.Blocked => new DeliveryAttempt(AttemptOutcome.Final, Failure: OutboxFailure.Blocked,
                Reason: "the person blocked or uninstalled the bot (403 MessageWritesBlocked)"),
            ConnectorOutcome.NotFound => new DeliveryAttempt(AttemptOutcome.Final, Failure: OutboxFailure.NotFound,
                Reason: $"the conversation is gone (404{Code(result.ErrorCode)})"),
            ConnectorOutcome.Throttled => new DeliveryAttempt(AttemptOutcome.Throttled, Reason: "throttled (429)", RetryAfter: result.RetryAfter),
            _ when result.StatusCode is 0 or 408 or 412 or >= 500 => new DeliveryAttempt(AttemptOutcome.Transient,
                Reason: result.StatusCode == 0 ? "the connection failed" : $"the connector answered {result.StatusCode}{Code(result.ErrorCode)}"),
            _ when result.StatusCode == 403 => new DeliveryAttempt(AttemptOutcome.Final, Failure: OutboxFailure.Forbidden,
                Reason: $"the bot may not write there (403{Code(result.ErrorCode)})"),
            _ => new DeliveryAttempt(AttemptOutcome.Final, Failure: OutboxFailure.Rejected,
                Reason: $"the connector refused the message ({result.StatusCode}{Code(result.ErrorCode)})"),
        };
    }

    private static string Code(string? errorCode) => errorCode is { Length: > 0 } ? " " + errorCode : "";
}
