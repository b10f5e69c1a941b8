using System.Text.Json.Nodes;
using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Conversations;

public enum TurnKind
{
    /// <summary>The user typed something (mentions of the bot already removed).</summary>
    Message,

    /// <summary>A button on one of our cards: Action.Execute (invoke) or Action.Submit (message with a value).</summary>
    CardAction,

    /// <summary>The bot was added to a personal chat, group chat or team.</summary>
    Installed,
}

/// <summary>Who is speaking. The AAD object id is the stable identity; Teams user ids differ per bot.</summary>
public sealed record Participant(string Id, string? AadObjectId, string? Name);

/// <param name="Verb">The action's verb (Action.Execute) or the "verb" field of a submit's data.</param>
/// <param name="Data">The action data merged with the card's inputs.</param>
/// <param name="CardActivityId">The id of the message holding the card, when the channel gives it.</param>
public sealed record CardAction(string Verb, JsonObject Data, string? CardActivityId);

/// <summary>One inbound turn as the conversation layer sees it: no HTTP, no wire format.</summary>
/// <param name="LanguageKnown">False when the activity said nothing of the user's language and <paramref name="Language"/> is the default.</param>
public sealed record Turn(
    TurnKind Kind,
    ConversationReference Conversation,
    Participant User,
    Language Language,
    DateTimeOffset ReceivedAt,
    string Text = "",
    CardAction? Action = null,
    bool LanguageKnown = true,
    IReadOnlyList<SentFile>? Files = null);

/// <summary>
/// A file the user attached in the personal chat. Teams keeps it in their OneDrive and gives a
/// short-lived download link; its stated size and type are the client's word, so nothing trusts them.
/// </summary>
public sealed record SentFile(string Name, Uri DownloadUrl);
