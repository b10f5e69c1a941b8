using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Export;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Sends Teams' file-consent card: the file's name and what it holds, and the request itself as the
/// context Teams hands back with the user's answer. The size is left out: the file is written only
/// once the user allows it, so that nothing waits in memory or on disk for an answer that may never come.
/// </summary>
public sealed class FileConsentOffers(ConnectorClient connector, ILogger<FileConsentOffers> logger) : IFileOffers
{
    public const string ConsentContentType = "application/vnd.microsoft.teams.card.file.consent";

    public async Task OfferAsync(ConversationReference chat, ExportRequest request, string description, CancellationToken cancellationToken)
    {
        var context = request.ToContext();
        var content = new JsonObject
        {
            ["description"] = description,
            ["acceptContext"] = context,
            ["declineContext"] = context.DeepClone(),
        };
        using var json = JsonDocument.Parse(content.ToJsonString());
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = ConsentContentType, Name = request.FileName, Content = json.RootElement.Clone() }],
        };
        var sent = await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity, cancellationToken);
        if (!sent.IsSuccess)
        {
            logger.LogWarning("The file-consent card was not delivered: {Outcome} {Status} {Error}", sent.Outcome, sent.StatusCode, sent.ErrorCode);
        }
    }
}
