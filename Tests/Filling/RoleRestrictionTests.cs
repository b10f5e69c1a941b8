using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.People;

namespace SupervisionBot.Tests.Filling;

/// <summary>People with restricted roles, through the router: they see and start only their own forms.</summary>
public sealed class RoleRestrictionTests
{
    private static FormDesk DeskFor(string rolesJson, Language language = Language.Thai) =>
        new(roles: RoleOptionsTests.FromJson($$"""{ "Roles": { "Default": {{rolesJson}} } }""")) { Language = language };

    private static List<string?> MenuFormIds(AdaptiveCard card) =>
        CardTree.Elements(card).OfType<ActionSet>().SelectMany(a => a.Actions).OfType<ExecuteAction>()
            .Where(a => a.Verb == CardVerbs.FormStart).Select(a => (string?)a.Data![FormActionData.FormId]).ToList();

    [Fact]
    public async Task A_supervisor_menu_lists_only_the_supervisors_forms()
    {
        var desk = DeskFor("""["Supervisor"]""");

        var menu = await desk.SayAsync("แบบฟอร์ม");

        Assert.Equal(
            ["active-learning-observation", "administration-supervision", "collaboration-follow-up", "group-meeting-record", "iqa-follow-up",
             "research-record", "success-indicator-follow-up", "teaching-supervision"],
            MenuFormIds(menu.Messages.Single().Card!));
    }

    [Fact]
    public async Task A_teacher_menu_lists_only_the_teachers_forms()
    {
        var desk = DeskFor("""["Teacher"]""");

        var menu = await desk.SayAsync("forms");

        Assert.Equal(["learning-area-teaching-problems", "school-administration-needs", "self-assessment-report", "supervision-satisfaction"], MenuFormIds(menu.Messages.Single().Card!));
    }

    [Fact]
    public async Task Someone_without_a_role_is_told_there_is_no_form_for_them()
    {
        var desk = DeskFor("[]");

        var menu = await desk.SayAsync("แบบฟอร์ม");

        Assert.Contains(FillingTexts.NoForms(Language.Thai), FormDesk.Text(menu.Messages.Single().Card!));
        Assert.Empty(MenuFormIds(menu.Messages.Single().Card!));
    }

    [Fact]
    public async Task A_supervisor_typing_the_satisfaction_command_is_told_politely_who_fills_it_in_thai()
    {
        var desk = DeskFor("""["Supervisor"]""");

        var refusal = FormDesk.Text((await desk.SayAsync("ประเมิน")).Messages.Single().Card!);

        Assert.Contains(FillingTexts.NotAllowedTitle(Language.Thai), refusal);
        Assert.Contains("สำหรับครู และผู้อำนวยการสถานศึกษา", refusal);
        Assert.Null(await desk.Sessions.GetAsync(desk.Conversation.ConversationId, desk.User.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_teacher_pressing_a_supervisors_start_button_is_told_in_english_who_fills_it()
    {
        var desk = DeskFor("""["Teacher"]""", Language.English);
        var supervisorMenu = await DeskFor("""["Supervisor"]""").SayAsync("forms");

        var result = await desk.PressAsync(CardVerbs.FormStart, card: supervisorMenu.Messages.Single().Card!);

        var refusal = FormDesk.Text(result.Messages.Single().Card!);
        Assert.Contains(FillingTexts.NotAllowedTitle(Language.English), refusal);
        Assert.Contains("is for supervisors.", refusal);
        Assert.Null(await desk.Sessions.GetAsync(desk.Conversation.ConversationId, desk.User.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_form_for_several_roles_names_them_all()
    {
        var desk = DeskFor("""["Teacher"]""", Language.English);

        var refusal = FormDesk.Text((await desk.SayAsync("meeting")).Messages.Single().Card!);

        Assert.Contains("is for school group chairs, school group vice-chairs and supervisors.", refusal);
    }
}
