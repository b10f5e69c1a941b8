using Azure;
using Azure.Data.Tables;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Submits table actions as Azure accepts them: a batch holds at most 100 actions, all in one
/// partition. Azurite accepts larger and mixed batches, so tests alone would never catch a breach.
/// </summary>
public static class TableBatches
{
    public const int MaxActions = 100;

    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions) =>
        actions
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActions))
            .Select(chunk => (IReadOnlyList<TableTransactionAction>)chunk);

    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var submitted = 0;
        foreach (var batch in Split(actions))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
            submitted += batch.Count;
        }
        return submitted;
    }

    /// <summary>
    /// Deletes <paramref name="rows"/> in batches. Another bot instance may have deleted some of them
    /// already, which fails the whole batch with 404: then the rest are deleted one by one.
    /// </summary>
    public static async Task<int> DeleteAsync(TableClient table, IEnumerable<ITableEntity> rows, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var batch in Split(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All))))
        {
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                deleted += batch.Count;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                foreach (var action in batch)
                {
                    try
                    {
                        await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
                        deleted++;
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                        // Deleted by the other instance meanwhile.
                    }
                }
            }
        }
        return deleted;
    }

    /// <summary>
    /// Deletes every row <paramref name="filter"/> matches, one page at a time, so a large backlog is
    /// never held in memory at once.
    /// </summary>
    public static async Task<int> DeleteMatchingAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            deleted += await DeleteAsync(table, page.Values, cancellationToken);
        }
        return deleted;
    }
}
