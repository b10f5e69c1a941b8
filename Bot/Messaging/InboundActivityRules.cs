using SupervisionBot.Bot.Protocol;
using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Bot.Messaging;

/// <summary>
/// What an activity must look like before anything in it is acted on or stored. Teams always sends
/// these; an activity without them comes from a broken or hostile client, and letting it through
/// only moved the failure into the middle of a turn (an apology card, a half-written row).
/// </summary>
public static class InboundActivityRules
{
    /// <summary>Names, locales and URLs are short on Teams; this keeps a row far below Azure's 64 KiB a column.</summary>
    public const int MaxTextLength = 1024;

    private static readonly HashSet<string> ConversationTypes = new(StringComparer.Ordinal) { "personal", "groupChat", "channel" };

    /// <returns>Why the activity is refused, or null when it may be processed.</returns>
    public static string? Refusal(Activity activity)
    {
        if (activity.From?.Id is not { Length: > 0 })
        {
            return "no from.id";
        }
        if (activity.Recipient?.Id is not { Length: > 0 })
        {
            return "no recipient.id";
        }
        if (activity.Conversation?.Id is not { Length: > 0 })
        {
            return "no conversation.id";
        }
        if (activity.ServiceUrl is not { Length: > 0 })
        {
            return "no serviceUrl";
        }
        // Guessing would be worse than refusing: an unknown type read as personal makes the bot
        // answer chatter not meant for it and record a stranger's chat as someone's personal one.
        if (activity.Conversation.ConversationType is { } type && !ConversationTypes.Contains(type))
        {
            return "unknown conversationType";
        }
        if (Ids(activity).FirstOrDefault(id => !IsId(id.Value)) is { Key: { } badId })
        {
            return $"{badId} is not a usable id";
        }
        if (Texts(activity).FirstOrDefault(t => t.Value?.Length > MaxTextLength) is { Key: { } longText })
        {
            return $"{longText} is longer than {MaxTextLength}";
        }
        if (activity.Value is { } value && WellFormedJson.Problem(value) is { } problem)
        {
            return "value: " + problem;
        }
        // Otherwise it would be answered "not implemented", as if we had no handler for card actions.
        if (activity.Type == ActivityTypes.Invoke && activity.Name == ActivityConverter.CardActionInvoke && !ActivityConverter.HasCardAction(activity))
        {
            return "adaptiveCard/action without an action";
        }
        return null;
    }

    /// <summary>Ids become table keys and URL segments: printable, and short enough for a key.</summary>
    private static bool IsId(string? id) => id is null || (TableKeys.Fits(id) && !id.Any(char.IsControl));

    private static IEnumerable<KeyValuePair<string, string?>> Ids(Activity a)
    {
        yield return new("id", a.Id);
        yield return new("replyToId", a.ReplyToId);
        yield return new("from.id", a.From?.Id);
        yield return new("from.aadObjectId", a.From?.AadObjectId);
        yield return new("recipient.id", a.Recipient?.Id);
        yield return new("conversation.id", a.Conversation?.Id);
        yield return new("conversation.tenantId", a.Conversation?.TenantId);
        yield return new("channelData.tenant.id", a.ChannelData?.Tenant?.Id);
        yield return new("channelData.team.id", a.ChannelData?.Team?.Id);
        yield return new("channelData.channel.id", a.ChannelData?.Channel?.Id);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Texts(Activity a)
    {
        yield return new("from.name", a.From?.Name);
        yield return new("locale", a.EffectiveLocale());
        yield return new("serviceUrl", a.ServiceUrl);
    }
}
