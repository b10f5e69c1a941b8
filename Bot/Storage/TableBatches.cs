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
}
