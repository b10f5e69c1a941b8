using Azure;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Responses in the Responses table, partition = form. A named response's row is its submission (the
/// session id) and carries its respondent; its insert is the exactly-once point. An anonymous one goes
/// through <see cref="PendingAnonymousResponses"/>, and its owner keeps only a receipt (reference and
/// time) in the Receipts table, which no key or value joins to the response.
/// </summary>
/// <remarks>A named response is added to the summaries' aggregates in the same transaction as its insert (<see cref="TableResponseAggregates"/>).</remarks>
public sealed class TableResponseStore(SupervisionTables tables, PendingAnonymousResponses anonymous, TableResponseAggregates? aggregates = null) : IResponseStore
{
    public async Task<FormResponse> SaveOnceAsync(string submissionKey, string ownerKey, FormResponse response, CancellationToken cancellationToken)
    {
        if (response.Respondent is null)
        {
            return await SaveAnonymousAsync(submissionKey, ownerKey, response, cancellationToken);
        }
        var entity = new TableEntity(TableKeys.Escape(response.FormId), TableKeys.Escape(submissionKey))
        {
            ["FormId"] = response.FormId,
            ["FormVersion"] = response.FormVersion,
            ["ReferenceNumber"] = response.ReferenceNumber,
            ["SubmittedUtc"] = response.SubmittedUtc,
            ["Respondent"] = response.Respondent,
        };
        AnswersColumns.Write(entity, response.Answers);
        LinkColumns.Write(entity, response.Link);
        if (await InsertAsync(entity, response, cancellationToken))
        {
            return response;
        }
        return await FindNamedAsync(response.FormId, submissionKey, cancellationToken)
            ?? throw new InvalidOperationException("A response reported as existing could not be read back.");
    }

    /// <returns>False when the response was stored before.</returns>
    private async Task<bool> InsertAsync(TableEntity entity, FormResponse response, CancellationToken cancellationToken)
    {
        if (aggregates is not null)
        {
            return await aggregates.InsertCountedAsync(entity, response, cancellationToken);
        }
        try
        {
            await tables.Responses.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<FormResponse?> FindReceiptAsync(string ownerKey, string formId, string submissionKey, CancellationToken cancellationToken)
    {
        // Both come from a card's data, which the user's client can forge.
        if (!TableKeys.Fits(formId) || !TableKeys.Fits(submissionKey))
        {
            return null;
        }
        if (await FindNamedAsync(formId, submissionKey, cancellationToken) is { } named)
        {
            return named.Respondent == ownerKey ? named : null;
        }
        return await FindAnonymousReceiptAsync(ownerKey, submissionKey, cancellationToken) is { } receipt && receipt.FormId == formId ? receipt : null;
    }

    /// <summary>
    /// Queue first, receipt second: a crash between the two leaves a queued response whose retry finds
    /// it queued (the queue's insert is keyed by the submission) and then writes the receipt.
    /// </summary>
    private async Task<FormResponse> SaveAnonymousAsync(string submissionKey, string ownerKey, FormResponse response, CancellationToken cancellationToken)
    {
        if (await FindAnonymousReceiptAsync(ownerKey, submissionKey, cancellationToken) is { } earlier)
        {
            return earlier with { Answers = response.Answers };
        }
        await anonymous.QueueAsync(submissionKey, response, cancellationToken);
        var receipt = new TableEntity(TableKeys.Escape(ownerKey), TableKeys.Escape(submissionKey))
        {
            ["FormId"] = response.FormId,
            ["FormVersion"] = response.FormVersion,
            ["ReferenceNumber"] = response.ReferenceNumber,
            ["SubmittedUtc"] = response.SubmittedUtc,
        };
        try
        {
            await tables.Receipts.AddEntityAsync(receipt, cancellationToken);
            return response;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another instance handled the same submit at the same moment: show the receipt it wrote.
            var winner = await FindAnonymousReceiptAsync(ownerKey, submissionKey, cancellationToken)
                ?? throw new InvalidOperationException("A receipt reported as existing could not be read back.");
            return winner with { Answers = response.Answers };
        }
    }

    private async Task<FormResponse?> FindNamedAsync(string formId, string submissionKey, CancellationToken cancellationToken)
    {
        var found = await tables.Responses.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(formId), TableKeys.Escape(submissionKey), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e || e.GetString("Respondent") is not { } respondent)
        {
            return null;
        }
        return new FormResponse(e.GetString("FormId"), e.GetInt32("FormVersion") ?? 1, e.GetString("ReferenceNumber"),
            AnswersColumns.Read(e), e.GetDateTimeOffset("SubmittedUtc") ?? DateTimeOffset.MinValue, respondent)
        { Link = LinkColumns.Read(e) };
    }

    private async Task<FormResponse?> FindAnonymousReceiptAsync(string ownerKey, string submissionKey, CancellationToken cancellationToken)
    {
        var found = await tables.Receipts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(ownerKey), TableKeys.Escape(submissionKey), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e
            ? new FormResponse(e.GetString("FormId"), e.GetInt32("FormVersion") ?? 1, e.GetString("ReferenceNumber"), FormAnswers.Empty,
                e.GetDateTimeOffset("SubmittedUtc") ?? DateTimeOffset.MinValue, null)
            : null;
    }
}

/// <summary>"Has responded" markers in their own table, never joined to the answers.</summary>
public sealed class TableRespondentRegistry(SupervisionTables tables) : IRespondentRegistry
{
    public async Task MarkRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken) =>
        await tables.Respondents.UpsertEntityAsync(new TableEntity(Partition(formId, formVersion), TableKeys.Escape(respondentKey)), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> HasRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken) =>
        (await tables.Respondents.GetEntityIfExistsAsync<TableEntity>(Partition(formId, formVersion), TableKeys.Escape(respondentKey), select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue;

    /// <summary>The first partition of <paramref name="formId"/>'s markers and the first after them, for range queries over all versions.</summary>
    public static (string From, string Before) Partitions(string formId) => ($"{TableKeys.Escape(formId)}|v", $"{TableKeys.Escape(formId)}|w");

    private static string Partition(string formId, int formVersion) => $"{TableKeys.Escape(formId)}|v{formVersion}";
}
