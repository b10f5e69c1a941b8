using Azure;
using Azure.Data.Tables;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Remembers which activity ids were handled, so a redelivery (connector retry after a timeout)
/// is not processed twice. Claiming is an insert: the store, not this process, decides who was first,
/// which holds across several bot instances.
/// </summary>
public sealed class ProcessedActivityLog(SupervisionTables tables, TimeProvider time)
{
    /// <returns>True when this call is the first to claim the activity.</returns>
    public async Task<bool> TryClaimAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Escape(conversationId), TableKeys.Escape(activityId))
        {
            ["ClaimedAt"] = time.GetUtcNow(),
        };
        try
        {
            await tables.ProcessedActivities.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Forgets claims older than <paramref name="age"/>: the connector redelivers within minutes, so
    /// older markers only cost storage.
    /// </summary>
    public Task<int> PurgeAsync(TimeSpan age, CancellationToken cancellationToken) =>
        TableBatches.DeleteMatchingAsync(tables.ProcessedActivities,
            TableClient.CreateQueryFilter($"ClaimedAt lt {(time.GetUtcNow() - age).UtcDateTime}"), cancellationToken);
}

/// <summary>Purges old activity claims at start and then once a day.</summary>
public sealed class ProcessedActivityCleanup(SupervisionTables tables, ProcessedActivityLog log, TimeProvider time, ILogger<ProcessedActivityCleanup> logger)
    : PeriodicStorageJob(tables, time, logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) =>
        logger.LogInformation("Purged {Count} old activity claims", await log.PurgeAsync(KeepFor, cancellationToken));
}
