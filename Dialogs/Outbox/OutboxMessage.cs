namespace SupervisionBot.Dialogs.Outbox;

/// <summary>Where a proactive message goes.</summary>
public enum OutboxMessageKind
{
    /// <summary>The person's 1:1 chat with the bot; <see cref="OutboxMessage.Recipient"/> is their Entra (AAD) object id.</summary>
    PersonalChat,

    /// <summary>A new post in a team channel; <see cref="OutboxMessage.Recipient"/> is the channel id (19:…@thread.tacv2).</summary>
    ChannelPost,

    /// <summary>A reply in a channel thread; <see cref="OutboxMessage.Recipient"/> is the channel id, <see cref="OutboxMessage.ThreadId"/> the thread's first message.</summary>
    ChannelReply,
}

/// <summary>
/// One proactive message (a reminder, an invitation, a summary, a notice). Purpose, recipient and
/// message key together name it: putting the same three in the outbox again does nothing, so a
/// scheduler may safely repeat itself.
/// </summary>
/// <param name="Purpose">What it is for, e.g. "visit-reminder-2026-12"; counts and retries are per purpose.</param>
/// <param name="MessageKey">Tells apart messages of one purpose to one recipient, e.g. a visit id.</param>
/// <param name="Text">Markdown text; with a card, the text shown in notifications.</param>
/// <param name="CardJson">An Adaptive Card (its JSON), or null for text alone.</param>
/// <param name="TeamsUserId">The person's Teams user id (29:…) when known: their chat can then be opened without installing the app.</param>
public sealed record OutboxMessage(
    string Purpose,
    OutboxMessageKind Kind,
    string Recipient,
    string MessageKey,
    string Text,
    string? CardJson = null,
    string? TeamsUserId = null,
    string? ThreadId = null)
{
    public static OutboxMessage ToPerson(string purpose, string aadObjectId, string messageKey, string text, string? cardJson = null, string? teamsUserId = null) =>
        new(purpose, OutboxMessageKind.PersonalChat, aadObjectId, messageKey, text, cardJson, teamsUserId);

    public static OutboxMessage ToChannel(string purpose, string channelId, string messageKey, string text, string? cardJson = null) =>
        new(purpose, OutboxMessageKind.ChannelPost, channelId, messageKey, text, cardJson);

    public static OutboxMessage InThread(string purpose, string channelId, string threadId, string messageKey, string text, string? cardJson = null) =>
        new(purpose, OutboxMessageKind.ChannelReply, channelId, messageKey, text, cardJson, ThreadId: threadId);
}
