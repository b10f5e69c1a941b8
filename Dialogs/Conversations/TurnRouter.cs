using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Help;

namespace SupervisionBot.Dialogs.Conversations;

/// <summary>Decides what a turn means and answers it.</summary>
public sealed class TurnRouter(IConversationReferenceStore conversations)
{
    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        // Teams repeats install events (and the first message may come before any of them):
        // whichever arrives first greets, once per conversation.
        var firstContact = await conversations.TryMarkWelcomedAsync(WelcomeKey(turn.Conversation), cancellationToken);
        var welcome = OutgoingMessage.Of(HelpGuide.Card(turn.Language));

        switch (turn.Kind)
        {
            case TurnKind.Installed:
                return firstContact ? TurnResult.With(welcome) : new TurnResult();

            case TurnKind.Message:
                if (firstContact || CommandCatalogue.Parse(turn.Text) is { Command.Kind: CommandKind.Help })
                {
                    return TurnResult.With(welcome);
                }
                return TurnResult.With(OutgoingMessage.Of(HelpGuide.Hint(turn.Language, turn.Text)));

            case TurnKind.CardAction:
                return new TurnResult { UpdatedCard = HelpGuide.Card(turn.Language) };

            default:
                return new TurnResult();
        }
    }

    /// <summary>Every thread of a channel is its own conversation; the channel is greeted once, not each thread.</summary>
    private static string WelcomeKey(ConversationReference conversation) =>
        conversation.Kind == ConversationKind.Channel
            ? conversation.ChannelId ?? conversation.ConversationId.Split(";messageid=")[0]
            : conversation.ConversationId;
}
