namespace SupervisionBot.Dialogs.Conversations;

/// <summary>Finds or opens the 1:1 chat between the bot and a user, where forms are filled.</summary>
public interface IPersonalChats
{
    /// <param name="from">The group chat or channel the user spoke in (for the tenant and service URL).</param>
    Task<ConversationReference?> OpenAsync(Participant user, ConversationReference from, CancellationToken cancellationToken);
}
