using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot.Protocol;

public static class ActivityExtensions
{
    /// <summary>
    /// The message text without the bot's own @mention. The mention entities, not the text, say which
    /// fragment is the bot: its literal text is removed (older payloads write it as &lt;at&gt;@Name&lt;/at&gt;).
    /// </summary>
    /// (Lists from the wire may hold nulls: JSON <c>[null]</c> deserialises to one.)
    public static string TextWithoutBotMention(this Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null
                || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || entity.Mentioned?.Id is null
                || !string.Equals(entity.Mentioned.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            // An empty entity text would make Replace throw; it names nothing, so fall back as for none.
            var fragment = entity.Text is { Length: > 0 } literal ? literal : $"<at>{entity.Mentioned.Name}</at>";
            text = text.Replace(fragment, "", StringComparison.OrdinalIgnoreCase);
        }
        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }

    public static bool MentionsBot(this Activity activity) =>
        activity.Entities?.Any(e => e is not null && string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.Mentioned?.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true;

    public static ConversationKind ConversationKind(this Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => Dialogs.Conversations.ConversationKind.Channel,
        "groupChat" => Dialogs.Conversations.ConversationKind.GroupChat,
        "personal" => Dialogs.Conversations.ConversationKind.Personal,
        _ => activity.Conversation?.IsGroup == true ? Dialogs.Conversations.ConversationKind.GroupChat : Dialogs.Conversations.ConversationKind.Personal,
    };

    /// <summary>The locale from the activity, else from its clientInfo entity.</summary>
    public static string? EffectiveLocale(this Activity activity) =>
        activity.Locale ?? activity.Entities?.FirstOrDefault(e => string.Equals(e?.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Locale;

    public static ConversationReference? ToConversationReference(this Activity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }
        var data = activity.ChannelData;
        var kind = activity.ConversationKind();
        // A shared conversation belongs to nobody in particular; recording its last speaker would only churn writes.
        var user = kind == Dialogs.Conversations.ConversationKind.Personal ? activity.From : null;
        return new ConversationReference(
            conversationId,
            kind,
            serviceUrl,
            data?.Tenant?.Id ?? activity.Conversation.TenantId,
            activity.Recipient?.Id,
            user?.Id,
            user?.AadObjectId,
            user?.Name,
            data?.Team?.Id,
            data?.Channel?.Id,
            activity.EffectiveLocale());
    }
}
