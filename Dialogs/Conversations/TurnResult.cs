using SupervisionBot.Cards.Model;

namespace SupervisionBot.Dialogs.Conversations;

/// <summary>
/// A message the bot sends: plain text or one card (never both, so it can be updated later), into the
/// turn's conversation or, when <see cref="To"/> is set, another one (the user's personal chat).
/// </summary>
public sealed record OutgoingMessage(string? Text, AdaptiveCard? Card, ConversationReference? To = null)
{
    public static OutgoingMessage Of(string text) => new(text, null);
    public static OutgoingMessage Of(AdaptiveCard card) => new(null, card);
}

/// <summary>What the bot does in answer to a turn.</summary>
public sealed class TurnResult
{
    /// <summary>New messages in the conversation of the turn.</summary>
    public List<OutgoingMessage> Messages { get; } = [];

    /// <summary>
    /// Replaces the card the user acted on, so the chat always shows the current state: returned in
    /// the invoke response for Action.Execute, or written over the old message for Action.Submit.
    /// </summary>
    public AdaptiveCard? UpdatedCard { get; set; }

    public static TurnResult With(params OutgoingMessage[] messages)
    {
        var result = new TurnResult();
        result.Messages.AddRange(messages);
        return result;
    }
}
