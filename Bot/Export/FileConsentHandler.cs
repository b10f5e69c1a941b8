using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Messaging;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Answers <c>fileConsent/invoke</c>: on allow, checks that whoever allowed is who asked and may still
/// export it (the context comes back through the client), then queues the export; on decline, says
/// so. Every answer is an invoke 200: what went wrong is told in the chat.
/// </summary>
public sealed class FileConsentHandler(
    ExportUploads queue,
    IRoleDirectory roles,
    IOfficeDirectorySource directory,
    FormCatalogue catalogue,
    ConnectorClient connector,
    ILogger<FileConsentHandler> logger)
{
    public async Task HandleAsync(Activity activity, ConversationReference reference, CancellationToken cancellationToken)
    {
        var answer = FileConsentAnswer.Read(activity.Value);
        var request = ExportRequest.FromContext(answer?.Context);
        var language = request?.Language ?? Languages.FromLocale(activity.EffectiveLocale());
        if (answer is null || request is null)
        {
            logger.LogWarning("A file-consent answer that is not one of ours was ignored");
            return;
        }
        if (!answer.Accepted)
        {
            await SayAsync(reference, ExportTexts.Declined(language), cancellationToken);
            return;
        }
        if (!await StillAllowedAsync(activity, reference, request, cancellationToken))
        {
            logger.LogWarning("A file-consent answer for {FormId} was refused: not the requester, or no longer allowed", request.Filter.FormId);
            await SayAsync(reference, ExportTexts.NotYours(language), cancellationToken);
            return;
        }
        if (!queue.TryEnqueue(new ExportUpload(request, answer.Upload!, reference)))
        {
            await SayAsync(reference, ExportTexts.Busy(language), cancellationToken);
        }
    }

    private async Task<bool> StillAllowedAsync(Activity activity, ConversationReference reference, ExportRequest request, CancellationToken cancellationToken)
    {
        if (reference.Kind != ConversationKind.Personal || activity.From?.Id != request.RequestedBy || catalogue.Find(request.Filter.FormId) is not { } form)
        {
            return false;
        }
        var user = new Participant(activity.From.Id, activity.From.AadObjectId, activity.From.Name);
        var held = await roles.GetRolesAsync(user, cancellationToken);
        var office = await directory.CurrentAsync(cancellationToken);
        var person = user.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        // The scope was filled in when the card was answered, so the same filter must come back allowed.
        return ExportAccess.Allow(office, person, held, form, request.Filter) == request.Filter;
    }

    private async Task SayAsync(ConversationReference to, string text, CancellationToken cancellationToken)
    {
        var sent = await connector.SendToConversationAsync(to.ServiceUrl, to.ConversationId, ActivityConverter.ToActivity(OutgoingMessage.Of(text)), cancellationToken);
        if (!sent.IsSuccess)
        {
            logger.LogWarning("Export message was not delivered: {Outcome} {Status} {Error}", sent.Outcome, sent.StatusCode, sent.ErrorCode);
        }
    }
}
