using System.Reflection;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.AreaDirectory;

public sealed class AccessPolicyTests
{
    private static readonly OfficeDirectory Directory = DirectoryExamples.Load();

    public static TheoryData<RespondentRole> Roles() => new(Enum.GetValues<RespondentRole>());

    private static HashSet<RespondentRole> Only(RespondentRole role) => new HashSet<RespondentRole> { role };

    private static IEnumerable<string> AllVerbs() =>
        typeof(CardVerbs).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Every_command_and_card_verb_is_open_to_every_role_and_forms_keep_their_own_role_lists(RespondentRole role)
    {
        // Summaries are for those with a school, group or the area to look after (below).
        foreach (var command in Enum.GetValues<CommandKind>().Where(c => AccessPolicy.ForCommand(c) != OfficeAction.SeeSummaries))
        {
            Assert.True(AccessPolicy.Decide(AccessPolicy.ForCommand(command), Only(role)).Allowed, $"{command} for {role}");
        }
        var verbs = AllVerbs().ToList();
        Assert.Equal(9, verbs.Count);
        foreach (var verb in verbs.Where(v => AccessPolicy.ForVerb(v) != OfficeAction.SeeSummaries))
        {
            Assert.True(AccessPolicy.ForVerb(verb) is { } action && AccessPolicy.Decide(action, Only(role)).Allowed, $"{verb} for {role}");
        }
        Assert.Null(AccessPolicy.ForVerb("directory.wipe"));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Only_supervisors_and_admins_start_campaigns_schedule_visits_and_see_reachability_and_only_admins_import(RespondentRole role)
    {
        var supervisorOrAdmin = role is RespondentRole.Supervisor or RespondentRole.Admin;
        Assert.Equal(supervisorOrAdmin, AccessPolicy.Decide(OfficeAction.StartCampaign, Only(role)).Allowed);
        Assert.Equal(supervisorOrAdmin, AccessPolicy.Decide(OfficeAction.ScheduleVisit, Only(role)).Allowed);
        Assert.Equal(supervisorOrAdmin, AccessPolicy.Decide(OfficeAction.SeeReachability, Only(role)).Allowed);
        Assert.Equal(role == RespondentRole.Admin, AccessPolicy.Decide(OfficeAction.ImportDirectory, Only(role)).Allowed);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Summaries_are_for_directors_chairs_supervisors_and_the_area_heads_not_teachers_or_centre_chairs(RespondentRole role)
    {
        var expected = role is not (RespondentRole.Teacher or RespondentRole.CentreChair);
        Assert.Equal(expected, AccessPolicy.Decide(AccessPolicy.ForCommand(CommandKind.Summary), Only(role)).Allowed);
        Assert.Equal(expected, AccessPolicy.Decide(AccessPolicy.ForVerb(CardVerbs.SummaryRefresh)!.Value, Only(role)).Allowed);
        Assert.Equal(role is RespondentRole.UnitHead or RespondentRole.AreaDirector or RespondentRole.Admin, AccessPolicy.MaySeeArea(Only(role)));
    }

    [Fact]
    public void A_refusal_says_politely_who_may_do_it_in_both_languages()
    {
        var refused = AccessPolicy.Decide(OfficeAction.StartCampaign, new HashSet<RespondentRole> { RespondentRole.Teacher, RespondentRole.Director });

        Assert.False(refused.Allowed);
        var message = refused.Refusal(new("เริ่มการสำรวจ", "start a campaign"));
        Assert.Equal("Sorry, only supervisors and system administrators can start a campaign. Please ask one of them.", message.En);
        Assert.Contains("ได้เฉพาะศึกษานิเทศก์ และผู้ดูแลระบบเท่านั้น", message.Th);
        Assert.StartsWith("ขออภัย", message.Th);
    }

    [Fact]
    public void Directors_see_their_school_supervisors_their_groups_and_areas_and_area_wide_roles_everything()
    {
        var s0001 = Directory.School("S0001")!;
        var s0003 = Directory.School("S0003")!;
        var director = Directory.PersonByEmail("somchai.r@school-a.example.ac.th")!;
        // In the examples he is also the unit head, who sees everything; here only his supervisor role counts.
        var supervisorOfGroup2 = Directory.PersonByEmail("thongchai.n@area.example.go.th")! with { Roles = Only(RespondentRole.Supervisor) };
        var teacher = Directory.PersonByEmail("anan.p@school-a.example.ac.th")!;
        var areaDirector = Directory.PersonByEmail("ratree.w@area.example.go.th")!;

        Assert.True(AccessPolicy.MaySeeSchool(director, director.Roles, s0001));
        Assert.False(AccessPolicy.MaySeeSchool(director, director.Roles, s0003));
        Assert.False(AccessPolicy.MaySeeSchool(supervisorOfGroup2, supervisorOfGroup2.Roles, s0001));
        Assert.True(AccessPolicy.MaySeeSchool(supervisorOfGroup2, supervisorOfGroup2.Roles, s0003));
        Assert.False(AccessPolicy.MaySeeSchool(teacher, teacher.Roles, s0001));
        Assert.True(AccessPolicy.MaySeeSchool(areaDirector, areaDirector.Roles, s0003));
        Assert.False(AccessPolicy.MaySeeSchool(null, Only(RespondentRole.Director), s0001));
        Assert.True(AccessPolicy.MaySeeSchool(null, Only(RespondentRole.Admin), s0001));

        Assert.True(AccessPolicy.MaySeeLearningArea(supervisorOfGroup2, supervisorOfGroup2.Roles, "TH"));
        Assert.False(AccessPolicy.MaySeeLearningArea(supervisorOfGroup2, supervisorOfGroup2.Roles, "MA"));
        Assert.False(AccessPolicy.MaySeeLearningArea(teacher, teacher.Roles, "TH"));
    }

    [Fact]
    public void Group_chairs_see_their_own_groups_aggregates_only()
    {
        var chairOfGroup1 = Directory.PersonByEmail("somchai.r@school-a.example.ac.th")!;
        var viceChairOfGroup1 = Directory.PersonByEmail("malee.s@school-b.example.ac.th")!;
        var centreChair = Directory.PersonByEmail("wipa.t@school-a.example.ac.th")!;

        Assert.True(AccessPolicy.MaySeeGroup(chairOfGroup1, chairOfGroup1.Roles, Directory.Group(1)!));
        Assert.False(AccessPolicy.MaySeeGroup(chairOfGroup1, chairOfGroup1.Roles, Directory.Group(2)!));
        Assert.True(AccessPolicy.MaySeeGroup(viceChairOfGroup1, viceChairOfGroup1.Roles, Directory.Group(1)!));
        Assert.False(AccessPolicy.MaySeeGroup(centreChair, centreChair.Roles, Directory.Group(1)!));
        // Named as chair in groups.csv without group_nos on their own row still counts.
        var chairByGroupsCsv = Directory.PersonByEmail("prasert.k@school-c.example.ac.th")! with { GroupNumbers = [] };
        Assert.True(AccessPolicy.MaySeeGroup(chairByGroupsCsv, chairByGroupsCsv.Roles, Directory.Group(2)!));
        Assert.True(AccessPolicy.MaySeeGroup(null, Only(RespondentRole.UnitHead), Directory.Group(2)!));
    }
}
