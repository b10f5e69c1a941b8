using System.Reflection;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Visits;

public sealed class VisitAccessTests
{
    public static TheoryData<RespondentRole> Roles() => new(Enum.GetValues<RespondentRole>());

    private static IEnumerable<string> Verbs() =>
        typeof(VisitVerbs).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name is not (nameof(VisitVerbs.Prefix) or nameof(VisitVerbs.VisitIdKey)))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Supervisors_and_admins_plan_and_change_visits_and_directors_and_area_roles_also_see_them(RespondentRole role)
    {
        var roles = new HashSet<RespondentRole> { role };
        var plans = role is RespondentRole.Supervisor or RespondentRole.Admin;
        var sees = plans || role is RespondentRole.Director or RespondentRole.UnitHead or RespondentRole.AreaDirector;

        Assert.Equal(plans, AccessPolicy.Decide(AccessPolicy.ForCommand(CommandKind.ScheduleVisit), roles).Allowed);
        Assert.Equal(sees, AccessPolicy.Decide(AccessPolicy.ForCommand(CommandKind.MyVisits), roles).Allowed);
        Assert.Equal(8, Verbs().Count());
        foreach (var verb in Verbs())
        {
            var action = AccessPolicy.ForVerb(verb);
            Assert.NotNull(action);
            var expected = verb is VisitVerbs.Week or VisitVerbs.Semester ? sees : plans;
            Assert.True(expected == AccessPolicy.Decide(action.Value, roles).Allowed, $"{verb} for {role}");
        }
        Assert.Null(AccessPolicy.ForVerb("visit.delete"));
    }
}
