using Azure.Data.Tables;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Deletes what a submission left once its form's retention period is over (PDPA s.37): the
/// response, the "has responded" marker and the sender's receipt. The period is
/// <see cref="FormSettings.RetentionYears"/> academic years after the one the response was given in.
/// Every delete tolerates rows another instance deleted first, so two instances may run it at once.
/// </summary>
public sealed class ResponseRetention(SupervisionTables tables, FormCatalogue catalogue, TimeProvider time)
{
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deleted = 0;
        foreach (var form in catalogue.Forms)
        {
            var cutoff = AcademicYearRegulation.RetainedSince(now, form.Settings.RetentionYears).UtcDateTime;
            var partition = TableKeys.Escape(form.Id);
            deleted += await TableBatches.DeleteMatchingAsync(tables.Responses,
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and SubmittedUtc lt {cutoff}"), cancellationToken);
            deleted += await TableBatches.DeleteMatchingAsync(tables.Receipts,
                TableClient.CreateQueryFilter($"FormId eq {form.Id} and SubmittedUtc lt {cutoff}"), cancellationToken);
            // A marker holds no date of its own: the store's write time is the submit time.
            var (from, before) = TableRespondentRegistry.Partitions(form.Id);
            deleted += await TableBatches.DeleteMatchingAsync(tables.Respondents,
                TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {before} and Timestamp lt {cutoff}"), cancellationToken);
        }
        return deleted;
    }
}

/// <summary>Purges responses past their retention at start and then once a day.</summary>
public sealed class ResponsePurge(SupervisionTables tables, ResponseRetention retention, TimeProvider time, ILogger<ResponsePurge> logger)
    : PeriodicStorageJob(tables, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) =>
        logger.LogInformation("Purged {Count} rows past their form's retention period", await retention.PurgeAsync(cancellationToken));
}
