using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Keeps anonymous responses from being linked to their senders by time. Table Storage stamps every
/// write, and a submit also writes things that name the sender (the "has responded" marker, the
/// activity claim), so a response written at submit time could be matched to them. Instead it waits
/// in PendingResponses and is released later into Responses together with the form's other waiting
/// responses, in shuffled order, under a key drawn at random, stamped with the release time, and
/// without its reference number (which only the sender's receipt holds).
/// </summary>
/// <remarks>
/// A released response is inserted, with its count in the summaries' aggregates, before its waiting
/// row is deleted: a crash in between releases it again, and its insert, keyed by the response key
/// fixed when it was queued, finds it stored and counted.
/// </remarks>
public sealed class PendingAnonymousResponses(SupervisionTables tables, IOptions<PrivacyOptions> options, TimeProvider time, TableResponseAggregates? aggregates = null)
{
    private const string ResponseKey = "ResponseKey";
    private const string QueuedAt = "QueuedAt";

    /// <summary>
    /// Queues once per submission: the row is keyed by it, and it also fixes the response's future
    /// key, so two instances releasing the same row write the same response.
    /// </summary>
    public async Task QueueAsync(string submissionKey, FormResponse response, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(response.FormId), TableKeys.Escape(submissionKey))
        {
            ["FormId"] = response.FormId,
            ["FormVersion"] = response.FormVersion,
            [ResponseKey] = Guid.NewGuid().ToString("N"),
            [QueuedAt] = time.GetUtcNow(),
        };
        AnswersColumns.Write(entity, response.Answers);
        LinkColumns.Write(entity, response.Link);
        try
        {
            await tables.PendingResponses.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already queued by an earlier delivery of the same submit.
        }
    }

    /// <summary>Releases each form's waiting responses that are due; safe to run on several instances at once.</summary>
    /// <returns>How many responses were released.</returns>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var ready = new List<TableEntity>();
        await foreach (var row in tables.PendingResponses.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"QueuedAt le {(now - settings.MinimumWait).UtcDateTime}"), cancellationToken: cancellationToken))
        {
            ready.Add(row);
        }
        var released = 0;
        foreach (var form in ready.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
        {
            var batch = form.ToArray();
            var heldTooLong = batch.Any(row => row.GetDateTimeOffset(QueuedAt) <= now - settings.MaximumWait);
            if (batch.Length < settings.MinimumBatch && !heldTooLong)
            {
                continue;
            }
            Random.Shared.Shuffle(batch);
            if (aggregates is null)
            {
                await TableBatches.SubmitAsync(tables.Responses, batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Released(row, now))), cancellationToken);
            }
            else
            {
                foreach (var row in batch)
                {
                    var response = new FormResponse(row.GetString("FormId"), row.GetInt32("FormVersion") ?? 1, string.Empty, AnswersColumns.Read(row), now, Respondent: null)
                    {
                        Link = LinkColumns.Read(row),
                    };
                    await aggregates.InsertCountedAsync(Released(row, now), response, cancellationToken);
                }
            }
            await TableBatches.DeleteAsync(tables.PendingResponses, batch, cancellationToken);
            released += batch.Length;
        }
        return released;
    }

    private static TableEntity Released(TableEntity pending, DateTimeOffset releasedAt)
    {
        var response = new TableEntity(pending.PartitionKey, pending.GetString(ResponseKey))
        {
            ["FormId"] = pending.GetString("FormId"),
            ["FormVersion"] = pending.GetInt32("FormVersion"),
            ["SubmittedUtc"] = releasedAt,
        };
        AnswersColumns.Write(response, AnswersColumns.Read(pending));
        LinkColumns.Write(response, LinkColumns.Read(pending));
        return response;
    }
}

/// <summary>Releases waiting anonymous responses at start and then every <see cref="PrivacyOptions.ReleaseInterval"/>.</summary>
public sealed class AnonymousResponseRelease(SupervisionTables tables, PendingAnonymousResponses queue, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<AnonymousResponseRelease> logger)
    : PeriodicStorageJob(tables, time, logger)
{
    protected override TimeSpan Interval => options.Value.ReleaseInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var released = await queue.ReleaseDueAsync(cancellationToken);
        if (released > 0)
        {
            logger.LogInformation("Released {Count} anonymous responses", released);
        }
    }
}
