using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot.Messaging;

/// <summary>
/// The user's 1:1 chat with the bot: the one we already know, else created through the connector
/// (idempotent on Teams' side: the same user always gets the same chat).
/// </summary>
public sealed class PersonalChats(IConversationReferenceStore conversations, ConnectorClient connector, ILogger<PersonalChats> logger) : IPersonalChats
{
    public async Task<ConversationReference?> OpenAsync(Participant user, ConversationReference from, CancellationToken cancellationToken)
    {
        if (user.AadObjectId is { } aad && await conversations.GetPersonalChatAsync(aad, cancellationToken) is { } known)
        {
            return known;
        }
        var created = await connector.CreateConversationAsync(from.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = from.TenantId,
            ChannelData = from.TenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = from.TenantId } },
        }, cancellationToken);
        if (created.Value?.Id is not { Length: > 0 } conversationId)
        {
            // Typically the app is not installed for this user; the caller tells them where to go instead.
            logger.LogWarning("Could not open a personal chat: {Outcome} {Status} {Error}", created.Outcome, created.StatusCode, created.ErrorCode);
            return null;
        }
        var reference = new ConversationReference(conversationId, ConversationKind.Personal, created.Value.ServiceUrl ?? from.ServiceUrl,
            from.TenantId, from.BotId, user.Id, user.AadObjectId, user.Name, null, null, from.Locale);
        await conversations.SaveAsync(reference, cancellationToken);
        return reference;
    }
}
