using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Routing;

/// <summary>
/// A part of the bot beyond filling forms (visits, campaigns, summaries, reachability) that answers
/// its own chat commands and card verbs. The router has already checked <see cref="AreaDirectory.AccessPolicy"/>
/// for the command or verb; a feature checks only what depends on its own data (whose visit it is).
/// </summary>
public interface ITurnFeature
{
    IReadOnlyCollection<CommandKind> Commands { get; }

    /// <summary>Card verbs beginning with this (e.g. "visit.") are this feature's.</summary>
    string VerbPrefix { get; }

    Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken);

    Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken);
}
