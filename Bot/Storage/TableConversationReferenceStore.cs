using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Conversation references in the Conversations table: one row per conversation, plus a row per
/// user pointing at their personal chat (for reminders). Every inbound activity saves its
/// reference, so unchanged references are remembered in memory and not written again.
/// </summary>
public sealed class TableConversationReferenceStore(SupervisionTables tables) : IConversationReferenceStore
{
    private const string ReferenceRow = "ref";
    private const string WelcomedRow = "welcomed";
    private const string PersonalChatRow = "personal";
    private const int RememberedLimit = 20_000;

    private readonly ConcurrentDictionary<string, ConversationReference> _saved = new(StringComparer.Ordinal);

    // Asked on every turn; once a conversation is known to be greeted, the answer never changes.
    private readonly ConcurrentDictionary<string, bool> _welcomed = new(StringComparer.Ordinal);

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (_saved.TryGetValue(reference.ConversationId, out var known) && (known == reference || known == reference with { Locale = known.Locale }))
        {
            return;
        }
        // Merge, not replace: an activity that omits a field (Teams' conversationUpdate has no locale)
        // must not erase what an earlier one told us.
        await tables.Conversations.UpsertEntityAsync(ToEntity(ConversationPartition(reference.ConversationId), ReferenceRow, reference), TableUpdateMode.Merge, cancellationToken);
        if (reference.Kind == ConversationKind.Personal && !string.IsNullOrEmpty(reference.UserAadObjectId))
        {
            await tables.Conversations.UpsertEntityAsync(ToEntity(UserPartition(reference.UserAadObjectId), PersonalChatRow, reference), TableUpdateMode.Merge, cancellationToken);
        }
        if (reference.Kind == ConversationKind.Channel && reference.ChannelId is { Length: > 0 } channel && channel != reference.ConversationId)
        {
            // Teams speaks to the bot from a channel's threads; posting a new thread (a group's summary) needs the channel's own reference.
            await SaveAsync(reference with { ConversationId = channel }, cancellationToken);
        }
        if (_saved.Count >= RememberedLimit)
        {
            // A plain reset keeps memory bounded; the cost is one extra write per conversation afterwards.
            _saved.Clear();
        }
        _saved[reference.ConversationId] = reference;
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync(ConversationPartition(conversationId), ReferenceRow, cancellationToken);

    public Task<ConversationReference?> GetPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken) =>
        ReadAsync(UserPartition(userAadObjectId), PersonalChatRow, cancellationToken);

    public async Task<bool> TryMarkWelcomedAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_welcomed.ContainsKey(conversationId))
        {
            return false;
        }
        bool first;
        try
        {
            await tables.Conversations.AddEntityAsync(new TableEntity(ConversationPartition(conversationId), WelcomedRow), cancellationToken);
            first = true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            first = false;
        }
        if (_welcomed.Count >= RememberedLimit)
        {
            _welcomed.Clear();
        }
        _welcomed[conversationId] = true;
        return first;
    }

    private static string ConversationPartition(string conversationId) => "c|" + TableKeys.Escape(conversationId);

    private static string UserPartition(string aadObjectId) => "u|" + TableKeys.Escape(aadObjectId);

    private async Task<ConversationReference?> ReadAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var found = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? FromEntity(entity) : null;
    }

    private static TableEntity ToEntity(string partition, string row, ConversationReference r) => new(partition, row)
    {
        ["ConversationId"] = r.ConversationId,
        ["Kind"] = r.Kind.ToString(),
        ["ServiceUrl"] = r.ServiceUrl,
        ["TenantId"] = r.TenantId,
        ["BotId"] = r.BotId,
        ["UserId"] = r.UserId,
        ["UserAadObjectId"] = r.UserAadObjectId,
        ["UserName"] = r.UserName,
        ["TeamId"] = r.TeamId,
        ["ChannelId"] = r.ChannelId,
        ["Locale"] = r.Locale,
    };

    private static ConversationReference FromEntity(TableEntity e) => new(
        e.GetString("ConversationId"),
        Enum.TryParse<ConversationKind>(e.GetString("Kind"), out var kind) ? kind : ConversationKind.Personal,
        e.GetString("ServiceUrl"),
        e.GetString("TenantId"),
        e.GetString("BotId"),
        e.GetString("UserId"),
        e.GetString("UserAadObjectId"),
        e.GetString("UserName"),
        e.GetString("TeamId"),
        e.GetString("ChannelId"),
        e.GetString("Locale"));
}
