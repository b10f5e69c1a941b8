using Azure;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Responses in the Responses table: partition = form, row = submission. The insert is the
/// exactly-once point: a second delivery of the same submission finds the row and writes nothing.
/// Anonymous responses have no Respondent column at all.
/// </summary>
public sealed class TableResponseStore(SupervisionTables tables) : IResponseStore
{
    public async Task<FormResponse> SaveOnceAsync(string submissionKey, FormResponse response, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(response.FormId), TableKeys.Escape(submissionKey))
        {
            ["FormId"] = response.FormId,
            ["FormVersion"] = response.FormVersion,
            ["ReferenceNumber"] = response.ReferenceNumber,
            ["SubmittedUtc"] = response.SubmittedUtc,
        };
        if (response.Respondent is not null)
        {
            entity["Respondent"] = response.Respondent;
        }
        AnswersColumns.Write(entity, response.Answers);
        try
        {
            await tables.Responses.AddEntityAsync(entity, cancellationToken);
            return response;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(response.FormId, submissionKey, cancellationToken)
                ?? throw new InvalidOperationException("A response reported as existing could not be read back.");
        }
    }

    public async Task<FormResponse?> FindAsync(string formId, string submissionKey, CancellationToken cancellationToken)
    {
        // Both come from a card's data, which the user's client can forge.
        if (!TableKeys.Fits(formId) || !TableKeys.Fits(submissionKey))
        {
            return null;
        }
        var found = await tables.Responses.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(formId), TableKeys.Escape(submissionKey), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }
        return new FormResponse(e.GetString("FormId"), e.GetInt32("FormVersion") ?? 1, e.GetString("ReferenceNumber"),
            AnswersColumns.Read(e), e.GetDateTimeOffset("SubmittedUtc") ?? DateTimeOffset.MinValue, e.GetString("Respondent"));
    }
}

/// <summary>"Has responded" markers in their own table, never joined to the answers.</summary>
public sealed class TableRespondentRegistry(SupervisionTables tables) : IRespondentRegistry
{
    public async Task MarkRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken) =>
        await tables.Respondents.UpsertEntityAsync(new TableEntity(Partition(formId, formVersion), TableKeys.Escape(respondentKey)), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> HasRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken) =>
        (await tables.Respondents.GetEntityIfExistsAsync<TableEntity>(Partition(formId, formVersion), TableKeys.Escape(respondentKey), select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue;

    private static string Partition(string formId, int formVersion) => $"{TableKeys.Escape(formId)}|v{formVersion}";
}
