namespace SupervisionBot.Dialogs.Outbox;

/// <summary>
/// Proactive messages go out through here: durably queued, sent at the speed Teams allows, each one
/// ending sent or failed with a reason.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues the messages not queued before (by purpose, recipient and key); returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken);

    Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken);

    /// <summary>Who did not get it and why: the failed messages of a purpose, and those still on their way.</summary>
    Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken);

    /// <summary>Queues the failed messages of a purpose again (only those); returns how many.</summary>
    Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken);
}
