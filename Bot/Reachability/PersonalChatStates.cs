using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Reachability;

namespace SupervisionBot.Bot.Reachability;

/// <summary>
/// Personal chats as storage knows them: the conversation reference the bot saved when the person
/// appeared (install event, first message, Graph install), and whether the outbox's latest settled
/// message to them was refused as blocked (a later one delivered means they are back).
/// </summary>
public sealed class PersonalChatStates(IConversationReferenceStore conversations, SupervisionTables tables) : IPersonalChatStates
{
    private const int ReadParallelism = 8;

    private static readonly string Filter =
        $"Kind eq '{OutboxMessageKind.PersonalChat}' and (Status eq '{OutboxStatus.Sent}' or Failure eq '{OutboxFailure.Blocked}')";

    public async Task<IReadOnlyDictionary<string, ChatState>> StatesAsync(IReadOnlyCollection<string> aadObjectIds, CancellationToken cancellationToken)
    {
        var blocked = await BlockedAsync(aadObjectIds.ToHashSet(StringComparer.OrdinalIgnoreCase), cancellationToken);
        var states = new ConcurrentDictionary<string, ChatState>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(aadObjectIds, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (id, ct) => states[id] = blocked.Contains(id) ? ChatState.Blocked
                : await conversations.GetPersonalChatAsync(id, ct) is null ? ChatState.None
                : ChatState.Open);
        return states;
    }

    /// <summary>
    /// One pass over the outbox's personal-chat rows that were delivered or refused as blocked (a
    /// filter the table service applies, returning only the columns needed), keeping each asked-about
    /// recipient's latest.
    /// </summary>
    private async Task<HashSet<string>> BlockedAsync(HashSet<string> ids, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, (DateTimeOffset At, bool Blocked)>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await foreach (var row in tables.Table(OutboxStorage.TableName).QueryAsync<TableEntity>(Filter,
                select: ["Recipient", "Timestamp", OutboxRecord.Status, OutboxRecord.Failure, OutboxRecord.SentAt], cancellationToken: cancellationToken))
            {
                if (row.GetString("Recipient") is not { } recipient || !ids.Contains(recipient))
                {
                    continue;
                }
                var isBlocked = row.GetString(OutboxRecord.Failure) == nameof(OutboxFailure.Blocked);
                var at = (isBlocked ? row.Timestamp : row.GetDateTimeOffset(OutboxRecord.SentAt) ?? row.Timestamp) ?? DateTimeOffset.MinValue;
                if (!latest.TryGetValue(recipient, out var known) || at > known.At)
                {
                    latest[recipient] = (at, isBlocked);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No outbox table yet: nothing was ever sent, so nobody has been found blocked.
        }
        return latest.Where(l => l.Value.Blocked).Select(l => l.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
