using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Export;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Routing;

namespace SupervisionBot.Bot.Messaging;

/// <summary>
/// Runs one authenticated activity: refuse malformed ones, drop redeliveries, remember the conversation, let the
/// conversation layer answer, deliver the answer. Internal failures end in an apology with a
/// reference id, never in an error status to Teams.
/// </summary>
public sealed class TurnProcessor(
    ProcessedActivityLog processed,
    IConversationReferenceStore conversations,
    TurnRouter router,
    ConnectorClient connector,
    FileConsentHandler fileConsents,
    TimeProvider time,
    ILogger<TurnProcessor> logger)
{
    public async Task<(TurnOutcome Outcome, InvokeResponseBody? InvokeResponse)> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (InboundActivityRules.Refusal(activity) is { } refusal)
        {
            logger.LogWarning("Refused {ActivityType}: {Reason}", Truncated(activity.Type), refusal);
            return (TurnOutcome.Refused, null);
        }
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var reference = activity.ToConversationReference();
        if (reference is null)
        {
            return (TurnOutcome.Ignored, null);
        }
        try
        {
            // An invoke must be answered every time it is asked (its answer is the HTTP response),
            // so only one-way activities are deduplicated.
            if (!isInvoke && activity.Id is { Length: > 0 } id && !await processed.TryClaimAsync(reference.ConversationId, id, cancellationToken))
            {
                return (TurnOutcome.Duplicate, null);
            }
            await conversations.SaveAsync(reference, cancellationToken);

            // The answer to a file-consent card is Teams' own invoke, not one of our cards' actions.
            if (isInvoke && activity.Name == FileConsentAnswer.InvokeName)
            {
                await fileConsents.HandleAsync(activity, reference, cancellationToken);
                return (TurnOutcome.Handled, new InvokeResponseBody { StatusCode = 200 });
            }
            if (ActivityConverter.ToTurn(activity, reference, time.GetUtcNow()) is not { } turn)
            {
                return (TurnOutcome.Ignored, null);
            }
            var result = await router.HandleAsync(turn, cancellationToken);
            var invokeResponse = await DeliverAsync(activity, reference, result, isInvoke, cancellationToken);
            return (TurnOutcome.Handled, invokeResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var errorId = ErrorReference.New();
            logger.LogError(ex, "Turn failed with reference {ErrorReference} ({ActivityType})", errorId, activity.Type);
            var language = Languages.FromLocale(activity.EffectiveLocale());
            if (isInvoke)
            {
                return (TurnOutcome.Failed, ActivityConverter.CardInvokeResponse(ErrorCard.Build(errorId, language)));
            }
            await ApologiseAsync(activity, reference, errorId, language);
            return (TurnOutcome.Failed, null);
        }
    }

    // The type is the caller's text; a log line is not the place for all of it.
    private static string? Truncated(string? text) => text?.Length > 40 ? text[..40] + "…" : text;

    private async Task<InvokeResponseBody?> DeliverAsync(Activity activity, ConversationReference reference, TurnResult result, bool isInvoke, CancellationToken cancellationToken)
    {
        InvokeResponseBody? invokeResponse = null;
        if (result.UpdatedCard is { } card)
        {
            if (isInvoke)
            {
                invokeResponse = ActivityConverter.CardInvokeResponse(card);
            }
            else if (activity.ReplyToId is { Length: > 0 } cardMessageId)
            {
                var update = ActivityConverter.ToActivity(OutgoingMessage.Of(card));
                update.Id = cardMessageId;
                LogIfUndelivered(reference, await connector.UpdateActivityAsync(reference.ServiceUrl, reference.ConversationId, cardMessageId, update, cancellationToken));
            }
            else
            {
                result.Messages.Insert(0, OutgoingMessage.Of(card));
            }
        }
        foreach (var message in result.Messages)
        {
            if (message.To is { } elsewhere)
            {
                var sent = await connector.SendToConversationAsync(elsewhere.ServiceUrl, elsewhere.ConversationId, ActivityConverter.ToActivity(message), cancellationToken);
                LogIfUndelivered(elsewhere, sent);
                continue;
            }
            await SendAsync(activity, reference, ActivityConverter.ToActivity(message), cancellationToken);
        }
        // Teams shows an error for an invoke answered with nothing; a handled action with no new card
        // keeps the old one.
        return isInvoke ? invokeResponse ?? ActivityConverter.MessageInvokeResponse("OK") : null;
    }

    private async Task SendAsync(Activity inbound, ConversationReference reference, Activity outgoing, CancellationToken cancellationToken)
    {
        // Replying to the inbound message keeps a channel answer in its thread; events have nothing to reply to.
        var result = inbound.Type == ActivityTypes.Message && inbound.Id is { Length: > 0 } inboundId
            ? await connector.ReplyToActivityAsync(reference.ServiceUrl, reference.ConversationId, inboundId, outgoing, cancellationToken)
            : await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, outgoing, cancellationToken);
        LogIfUndelivered(reference, result);
    }

    private void LogIfUndelivered(ConversationReference to, ConnectorResult<ResourceResponse> result)
    {
        if (!result.IsSuccess)
        {
            logger.LogWarning("Message to {ConversationType} was not delivered: {Outcome} {Status} {Error}",
                to.Kind, result.Outcome, result.StatusCode, result.ErrorCode);
        }
    }

    private async Task ApologiseAsync(Activity activity, ConversationReference reference, string errorId, Language language)
    {
        try
        {
            await SendAsync(activity, reference, ActivityConverter.ToActivity(OutgoingMessage.Of(ErrorCard.Build(errorId, language))), CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not deliver the apology for {ErrorReference}", errorId);
        }
    }
}
