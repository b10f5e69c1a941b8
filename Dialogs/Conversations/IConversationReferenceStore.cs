namespace SupervisionBot.Dialogs.Conversations;

/// <summary>Remembers conversations so the bot can write first (reminders, summaries) and greet only once.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Saves or refreshes the reference; saving the same reference again is harmless.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The personal chat of a user, by AAD object id, if the bot has one.</summary>
    Task<ConversationReference?> GetPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken);

    /// <summary>True the first time only, so a welcome is sent once however often Teams repeats install events.</summary>
    Task<bool> TryMarkWelcomedAsync(string conversationId, CancellationToken cancellationToken);
}
