using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Help;
using SupervisionBot.Dialogs.Routing;

namespace SupervisionBot.Dialogs.Reachability;

/// <summary>
/// "ติดต่อได้" / "reach" [school code]: who at each school the bot can write to in chat, and why not.
/// The router has checked <see cref="OfficeAction.SeeReachability"/>; which schools is the person's own
/// (a supervisor's groups, every school for the area-wide roles).
/// </summary>
public sealed class ReachabilityFeature(IOfficeDirectorySource directory, ReachabilityCheck check) : ITurnFeature
{
    public IReadOnlyCollection<CommandKind> Commands { get; } = [CommandKind.Reach];

    public string VerbPrefix => "reach.";

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (turn.Conversation.Kind != ConversationKind.Personal)
        {
            return Notice(turn, ReachabilityTexts.PersonalChatOnly(language));
        }
        var current = await directory.CurrentAsync(cancellationToken);
        var viewer = turn.User.AadObjectId is { } id ? current.PersonByAadObjectId(id) : null;
        if (argument.Trim() is { Length: > 0 } code)
        {
            if (current.School(code) is not { } school)
            {
                return Notice(turn, ReachabilityTexts.UnknownSchool(language, code));
            }
            if (!AccessPolicy.MaySeeSchool(viewer, roles, school))
            {
                return Notice(turn, ReachabilityTexts.NotYourSchool(language, school.Title(language)));
            }
            var one = await check.CheckAsync(current, [school], cancellationToken);
            return TurnResult.With(OutgoingMessage.Of(ReachabilityCard.School(one[0], language)));
        }
        var schools = current.Schools.Where(s => AccessPolicy.MaySeeSchool(viewer, roles, s)).ToArray();
        if (schools.Length == 0)
        {
            return Notice(turn, ReachabilityTexts.NoSchools(language));
        }
        var all = await check.CheckAsync(current, schools, cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(ReachabilityCard.Summary(all, language)));
    }

    /// <summary>The reachability cards have no buttons; a verb under this prefix was not sent by one of them.</summary>
    public Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken) =>
        Task.FromResult(new TurnResult { UpdatedCard = HelpGuide.Card(turn.Language) });

    private static TurnResult Notice(Turn turn, string text) =>
        TurnResult.With(OutgoingMessage.Of(MessageCard.Build(new MessageView(ReachabilityTexts.NoticeTitle(turn.Language), text))));
}
