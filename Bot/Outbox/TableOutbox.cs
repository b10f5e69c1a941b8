using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// The outbox as the rest of the bot sees it. A message's row is written before its queue message,
/// so a queue message always finds its row; if the process dies in between, queueing the same
/// messages again (what any caller does after a failure) posts the missing queue message.
/// </summary>
public sealed class TableOutbox(OutboxStorage storage, TimeProvider time) : IOutbox
{
    private const int PostParallelism = 16;

    // Small enough that a sender works through one within a few seconds at Teams' rates, and far under the 64 KB limit.
    private const int RowsPerQueueMessage = 20;

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        await storage.WhenCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var entities = messages
            .Select(m => OutboxRecord.ToEntity(m, now))
            .DistinctBy(e => (e.PartitionKey, e.RowKey))
            .ToList();
        var added = 0;
        foreach (var batch in TableBatches.Split(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))))
        {
            var batchEntities = batch.Select(a => (TableEntity)a.Entity).ToList();
            List<TableEntity> toPost;
            try
            {
                await storage.Table.SubmitTransactionAsync(batch, cancellationToken);
                toPost = batchEntities;
                added += batchEntities.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Some were queued before: add the rest one by one, and re-post any still waiting.
                (toPost, var newOnes) = await AddOneByOneAsync(batchEntities, cancellationToken);
                added += newOnes;
            }
            await PostAsync(toPost.Select(e => new QueueEntry(OutboxRecord.Int(e, OutboxRecord.Generation), e.PartitionKey, e.RowKey)), cancellationToken);
        }
        return added;
    }

    /// <returns>The rows to post a queue message for, and how many of them are new.</returns>
    private async Task<(List<TableEntity> ToPost, int Added)> AddOneByOneAsync(List<TableEntity> entities, CancellationToken cancellationToken)
    {
        var toPost = new List<TableEntity>();
        var added = 0;
        foreach (var entity in entities)
        {
            try
            {
                await storage.Table.AddEntityAsync(entity, cancellationToken);
                toPost.Add(entity);
                added++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                var existing = await storage.Table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
                if (OutboxRecord.StatusOf(existing.Value) == OutboxStatus.Queued)
                {
                    // Possibly left without a queue message by a crash; a second one is harmless (the sender's claim sorts it out).
                    toPost.Add(existing.Value);
                }
            }
        }
        return (toPost, added);
    }

    private Task PostAsync(IEnumerable<QueueEntry> rows, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(rows.Chunk(RowsPerQueueMessage), new ParallelOptions { MaxDegreeOfParallelism = PostParallelism, CancellationToken = cancellationToken },
            async (chunk, ct) => await storage.Queue.SendMessageAsync(
                OutboxRecord.QueueText(chunk),
                visibilityTimeout: null,
                // Never expire: a message waiting out a long throttle must still be sent.
                timeToLive: TimeSpan.FromSeconds(-1),
                cancellationToken: ct));

    public async Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken)
    {
        int queued = 0, sent = 0, failed = 0;
        var partition = OutboxRecord.Partition(purpose);
        await foreach (var e in storage.Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: [OutboxRecord.Status], cancellationToken: cancellationToken))
        {
            switch (OutboxRecord.StatusOf(e))
            {
                case OutboxStatus.Sent:
                    sent++;
                    break;
                case OutboxStatus.Failed:
                    failed++;
                    break;
                default:
                    queued++;
                    break;
            }
        }
        return new OutboxCounts(purpose, queued, sent, failed);
    }

    public async Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken)
    {
        var partition = OutboxRecord.Partition(purpose);
        var sent = nameof(OutboxStatus.Sent);
        var list = new List<UndeliveredMessage>();
        await foreach (var e in storage.Table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.GetString(OutboxRecord.Status) != sent,
            select: ["Recipient", "MessageKey", "Kind", OutboxRecord.Status, OutboxRecord.Failure, OutboxRecord.Reason, OutboxRecord.Attempts],
            cancellationToken: cancellationToken))
        {
            list.Add(OutboxRecord.ToUndelivered(e));
        }
        return list;
    }

    public async Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken)
    {
        var partition = OutboxRecord.Partition(purpose);
        var failedStatus = nameof(OutboxStatus.Failed);
        var retried = 0;
        await foreach (var e in storage.Table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.GetString(OutboxRecord.Status) == failedStatus, cancellationToken: cancellationToken))
        {
            // The queue message of the next round goes first: if we die before the row says so, the row
            // still says failed (a second retry picks it up) and the sender drops the early message.
            var generation = OutboxRecord.Int(e, OutboxRecord.Generation) + 1;
            await storage.Queue.SendMessageAsync(OutboxRecord.QueueText(new QueueEntry(generation, e.PartitionKey, e.RowKey)), null, TimeSpan.FromSeconds(-1), cancellationToken);
            var update = new TableEntity(e.PartitionKey, e.RowKey)
            {
                [OutboxRecord.Status] = nameof(OutboxStatus.Queued),
                [OutboxRecord.Generation] = generation,
                [OutboxRecord.Attempts] = 0,
                [OutboxRecord.Throttles] = 0,
                [OutboxRecord.Failure] = "",
                [OutboxRecord.Reason] = "",
            };
            try
            {
                await storage.Table.UpdateEntityAsync(update, e.ETag, TableUpdateMode.Merge, cancellationToken);
                retried++;
            }
            catch (RequestFailedException ex) when (OutboxRecord.IsConflict(ex))
            {
                // Retried by someone else meanwhile.
            }
        }
        return retried;
    }
}
