using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Messaging;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Export;

/// <summary>An allowed export on its way: what to write, where Teams said to put it, and the chat to tell.</summary>
public sealed record ExportUpload(ExportRequest Request, UploadInfo Target, ConversationReference To);

/// <summary>
/// Writes an allowed export into a temporary file (deleted when closed), uploads it and posts Teams'
/// file-info card, which shows the file in the chat. A failed upload is logged and the user told,
/// with a reference to quote.
/// </summary>
public sealed class ExportDelivery(
    SupervisionTables tables,
    FormCatalogue catalogue,
    IOfficeDirectorySource directory,
    SummaryCards summaries,
    FileUploadClient uploads,
    ConnectorClient connector,
    ILogger<ExportDelivery> logger)
{
    public const string FileInfoContentType = "application/vnd.microsoft.teams.card.file.info";

    public async Task DeliverAsync(ExportUpload upload, CancellationToken cancellationToken)
    {
        var (request, target, to) = upload;
        var language = request.Language;
        string? problem;
        var ready = "";
        try
        {
            await using var file = new FileStream(Path.Combine(Path.GetTempPath(), "export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            ready = await WriteAsync(request, file, cancellationToken);
            problem = await uploads.UploadAsync(target.UploadUrl, file, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Export of {FormId} failed before its upload finished", request.Filter.FormId);
            problem = ex.GetType().Name;
        }
        if (problem is not null)
        {
            var errorId = ErrorReference.New();
            logger.LogWarning("Export of {FormId} was not uploaded ({ErrorReference}): {Problem}", request.Filter.FormId, errorId, problem);
            await SendAsync(to, ActivityConverter.ToActivity(OutgoingMessage.Of(ExportTexts.UploadFailed(errorId, language))), cancellationToken);
            return;
        }
        using var content = JsonDocument.Parse(new JsonObject { ["uniqueId"] = target.UniqueId, ["fileType"] = target.FileType }.ToJsonString());
        await SendAsync(to, new Activity
        {
            Type = ActivityTypes.Message,
            Text = ready,
            TextFormat = "plain",
            Attachments = [new Attachment { ContentType = FileInfoContentType, ContentUrl = target.ContentUrl, Name = target.Name, Content = content.RootElement.Clone() }],
        }, cancellationToken);
    }

    /// <returns>What the file-info message says of the file.</returns>
    private async Task<string> WriteAsync(ExportRequest request, Stream file, CancellationToken cancellationToken)
    {
        if (request.Content == ExportContent.Summary)
        {
            // The asker is one of the form's readers (checked before the offer and again on accept), who may see its free text.
            var results = await summaries.ReadAsync(new SummaryRequest(request.Filter.FormId, request.Filter.Scope), showTexts: true, request.Language, cancellationToken)
                ?? throw new InvalidOperationException($"No form '{request.Filter.FormId}'.");
            await SummaryExport.WriteAsync(results, request.Format, request.Language, file, cancellationToken);
            return ExportTexts.SummaryReady(results.Respondents, request.Language);
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var count = await new ResponseExport(tables, catalogue, office).WriteAsync(request.Filter, request.Format, file, cancellationToken);
        return ExportTexts.Ready(count, request.Language);
    }

    private async Task SendAsync(ConversationReference to, Activity activity, CancellationToken cancellationToken)
    {
        var sent = await connector.SendToConversationAsync(to.ServiceUrl, to.ConversationId, activity, cancellationToken);
        if (!sent.IsSuccess)
        {
            logger.LogWarning("Export message was not delivered: {Outcome} {Status} {Error}", sent.Outcome, sent.StatusCode, sent.ErrorCode);
        }
    }
}
