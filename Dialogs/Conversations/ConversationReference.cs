namespace SupervisionBot.Dialogs.Conversations;

public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// Everything needed to reach a conversation again later (reminders, summaries): where the
/// connector lives for it, who the user is, and which team and channel it belongs to.
/// </summary>
public sealed record ConversationReference(
    string ConversationId,
    ConversationKind Kind,
    string ServiceUrl,
    string? TenantId,
    string? BotId,
    string? UserId,
    string? UserAadObjectId,
    string? UserName,
    string? TeamId,
    string? ChannelId,
    string? Locale);
