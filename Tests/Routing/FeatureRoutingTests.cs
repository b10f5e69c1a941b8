using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Tests.Filling;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Tests.Routing;

public sealed class FeatureRoutingTests
{
    [Fact]
    public async Task A_command_a_feature_owns_goes_to_it_with_the_users_roles()
    {
        var feature = new EchoFeature();
        var desk = new FormDesk(features: [feature]);

        var result = await desk.SayAsync("สถานะ ทดสอบ");

        Assert.Equal("status:ทดสอบ", result.Messages.Single().Text);
        Assert.Contains(RespondentRole.Teacher, feature.Roles!);
    }

    [Fact]
    public async Task A_feature_verb_the_access_policy_does_not_know_is_answered_with_help_not_run()
    {
        var feature = new EchoFeature();
        var desk = new FormDesk(features: [feature]);

        var result = await desk.Router.HandleAsync(new Turn(TurnKind.CardAction, desk.Conversation, desk.User, Language.Thai, desk.Time.GetUtcNow(),
            Action: new CardAction("echo.anything", [], null)), CancellationToken.None);

        Assert.NotNull(result.UpdatedCard);
        Assert.Null(feature.Roles);
    }

    private sealed class EchoFeature : ITurnFeature
    {
        public IReadOnlySet<RespondentRole>? Roles { get; private set; }

        public IReadOnlyCollection<CommandKind> Commands => [CommandKind.Status];

        public string VerbPrefix => "echo.";

        public Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
        {
            Roles = roles;
            return Task.FromResult(TurnResult.With(OutgoingMessage.Of($"{command.ToString().ToLowerInvariant()}:{argument}")));
        }

        public Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
        {
            Roles = roles;
            return Task.FromResult(TurnResult.With(OutgoingMessage.Of(action.Verb)));
        }
    }
}
