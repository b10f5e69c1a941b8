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

    /// <summary>Who holds each action: the table the office agreed, written out so a change to the policy is a change here too.</summary>
    private static readonly Dictionary<OfficeAction, RespondentRole[]> ExpectedHolders = new()
    {
        [OfficeAction.UseBot] = Enum.GetValues<RespondentRole>(),
        [OfficeAction.StartCampaign] = [RespondentRole.Supervisor, RespondentRole.Admin],
        [OfficeAction.ScheduleVisit] = [RespondentRole.Supervisor, RespondentRole.Admin],
        [OfficeAction.SeeVisits] = [RespondentRole.Supervisor, RespondentRole.Director, RespondentRole.UnitHead, RespondentRole.AreaDirector, RespondentRole.Admin],
        [OfficeAction.ImportDirectory] = [RespondentRole.Admin],
        [OfficeAction.SeeReachability] = [RespondentRole.Supervisor, RespondentRole.Admin],
        [OfficeAction.SeeSummaries] =
        [
            RespondentRole.Director, RespondentRole.GroupChair, RespondentRole.GroupViceChair, RespondentRole.Supervisor,
            RespondentRole.UnitHead, RespondentRole.AreaDirector, RespondentRole.Admin,
        ],
        [OfficeAction.ExportResponses] =
        [
            RespondentRole.Director, RespondentRole.GroupChair, RespondentRole.GroupViceChair, RespondentRole.Supervisor,
            RespondentRole.UnitHead, RespondentRole.AreaDirector, RespondentRole.Admin,
        ],
    };

    /// <summary>Every command the bot understands and the action it needs; a new command fails the test until it is listed.</summary>
    private static readonly Dictionary<CommandKind, OfficeAction> ExpectedCommands = new()
    {
        [CommandKind.Forms] = OfficeAction.UseBot, [CommandKind.Survey] = OfficeAction.UseBot, [CommandKind.Visit] = OfficeAction.UseBot,
        [CommandKind.Satisfaction] = OfficeAction.UseBot, [CommandKind.Meeting] = OfficeAction.UseBot, [CommandKind.Status] = OfficeAction.UseBot,
        [CommandKind.Resume] = OfficeAction.UseBot, [CommandKind.Cancel] = OfficeAction.UseBot, [CommandKind.Language] = OfficeAction.UseBot,
        [CommandKind.Help] = OfficeAction.UseBot,
        // Whose follow-ups and timeline one may see depends on the school or group (MaySeeSchool/MaySeeGroup, tested with the features).
        [CommandKind.FollowUps] = OfficeAction.UseBot, [CommandKind.Timeline] = OfficeAction.UseBot,
        [CommandKind.Reach] = OfficeAction.SeeReachability,
        [CommandKind.StartCampaign] = OfficeAction.StartCampaign, [CommandKind.MyCampaigns] = OfficeAction.StartCampaign,
        [CommandKind.ScheduleVisit] = OfficeAction.ScheduleVisit, [CommandKind.MyVisits] = OfficeAction.SeeVisits,
        [CommandKind.Summary] = OfficeAction.SeeSummaries,
        [CommandKind.Export] = OfficeAction.ExportResponses,
    };

    /// <summary>Every verb our cards carry and the action it needs; a new verb fails the test until it is listed.</summary>
    private static readonly Dictionary<string, OfficeAction> ExpectedVerbs = new()
    {
        [CardVerbs.FormStart] = OfficeAction.UseBot, [CardVerbs.FormBack] = OfficeAction.UseBot, [CardVerbs.FormNext] = OfficeAction.UseBot,
        [CardVerbs.FormReview] = OfficeAction.UseBot, [CardVerbs.FormEdit] = OfficeAction.UseBot, [CardVerbs.FormSubmit] = OfficeAction.UseBot,
        [CardVerbs.FormCancel] = OfficeAction.UseBot, [CardVerbs.FormsMenu] = OfficeAction.UseBot,
        [CardVerbs.FollowUpDone] = OfficeAction.UseBot, [CardVerbs.TimelinePage] = OfficeAction.UseBot,
        [CardVerbs.SummaryRefresh] = OfficeAction.SeeSummaries,
        [ExportVerbs.Request] = OfficeAction.ExportResponses,
        [VisitVerbs.New] = OfficeAction.ScheduleVisit, [VisitVerbs.Schedule] = OfficeAction.ScheduleVisit, [VisitVerbs.Cancel] = OfficeAction.ScheduleVisit,
        [VisitVerbs.CancelConfirm] = OfficeAction.ScheduleVisit, [VisitVerbs.Reschedule] = OfficeAction.ScheduleVisit,
        [VisitVerbs.RescheduleSave] = OfficeAction.ScheduleVisit, [VisitVerbs.Week] = OfficeAction.SeeVisits, [VisitVerbs.Semester] = OfficeAction.SeeVisits,
        [CampaignVerbs.Preview] = OfficeAction.StartCampaign, [CampaignVerbs.Start] = OfficeAction.StartCampaign, [CampaignVerbs.List] = OfficeAction.StartCampaign,
        [CampaignVerbs.Pending] = OfficeAction.StartCampaign, [CampaignVerbs.Resend] = OfficeAction.StartCampaign,
        [CampaignVerbs.Extend] = OfficeAction.StartCampaign, [CampaignVerbs.Close] = OfficeAction.StartCampaign,
    };

    private static IEnumerable<string> Verbs(Type holder) =>
        holder.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name is not ("Prefix" or "VisitIdKey"))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Every_command_and_card_verb_is_allowed_exactly_to_the_roles_that_hold_its_action(RespondentRole role)
    {
        Assert.Equal(Enum.GetValues<CommandKind>().Order(), ExpectedCommands.Keys.Order());
        foreach (var (command, action) in ExpectedCommands)
        {
            Assert.Equal(action, AccessPolicy.ForCommand(command));
            Assert.Equal(ExpectedHolders[action].Contains(role), AccessPolicy.Decide(AccessPolicy.ForCommand(command), Only(role)).Allowed);
        }
        var verbs = Verbs(typeof(CardVerbs)).Concat(Verbs(typeof(VisitVerbs))).Concat(CampaignVerbs.All).Concat(Verbs(typeof(ExportVerbs))).ToHashSet();
        Assert.Equal(verbs.Order(), ExpectedVerbs.Keys.Order());
        foreach (var (verb, action) in ExpectedVerbs)
        {
            Assert.Equal(action, AccessPolicy.ForVerb(verb));
            Assert.Equal(ExpectedHolders[action].Contains(role), AccessPolicy.Decide(action, Only(role)).Allowed);
        }
        Assert.Null(AccessPolicy.ForVerb("directory.wipe"));
        Assert.Null(AccessPolicy.ForVerb("visit.delete"));
    }

    [Fact]
    public void Someone_with_no_role_may_still_use_the_bot_and_nothing_else()
    {
        var none = new HashSet<RespondentRole>();
        foreach (var action in Enum.GetValues<OfficeAction>())
        {
            Assert.Equal(action == OfficeAction.UseBot, AccessPolicy.Decide(action, none).Allowed);
        }
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
