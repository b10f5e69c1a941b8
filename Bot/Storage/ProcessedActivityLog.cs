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
    public async Task<int> PurgeAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - age;
        var old = new List<TableTransactionAction>();
        await foreach (var entity in tables.ProcessedActivities.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"ClaimedAt lt {cutoff.UtcDateTime}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }
        return await TableBatches.SubmitAsync(tables.ProcessedActivities, old, cancellationToken);
    }
}

/// <summary>Purges old activity claims once a day.</summary>
public sealed class ProcessedActivityCleanup(ProcessedActivityLog log, TimeProvider time, ILogger<ProcessedActivityCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                logger.LogInformation("Purged {Count} old activity claims", await log.PurgeAsync(KeepFor, stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging old activity claims failed; trying again tomorrow");
            }
        }
    }
}
