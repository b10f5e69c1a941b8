using Azure;
using Azure.Data.Tables;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Submits table actions as Azure accepts them: a batch holds at most 100 actions and 4 MiB, all in
/// one partition. Azurite accepts larger and mixed batches, so tests alone would never catch a breach.
/// </summary>
public static class TableBatches
{
    public const int MaxActions = 100;

    /// <summary>Under Azure's 4 MiB per batch, leaving room for the multipart framing and headers.</summary>
    public const long MaxBytes = 3_500_000;

    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions)
    {
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (var action in partition)
            {
                var size = WireBytes(action.Entity);
                if (batch.Count == MaxActions || (batch.Count > 0 && bytes + size > MaxBytes))
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }
                batch.Add(action);
                bytes += size;
            }
            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    /// <summary>
    /// An upper bound of an entity's JSON in a batch: every character counted as the six bytes of a
    /// \uXXXX escape (Thai text is sent escaped), plus room for each property's name and type.
    /// </summary>
    private static long WireBytes(ITableEntity entity)
    {
        long bytes = 6L * (entity.PartitionKey.Length + entity.RowKey.Length) + 200;
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += (6L * name.Length) + 80 + (value is string text ? 6L * text.Length : 64);
            }
        }
        return bytes;
    }

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
