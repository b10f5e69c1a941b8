using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>What someone asks the bot to do, as far as who may do it is concerned.</summary>
public enum OfficeAction
{
    /// <summary>Commands and buttons everyone has: the forms menu, help, language, their own unfinished form. Which forms they may fill is each form's own list of roles.</summary>
    UseBot,

    /// <summary>Start a campaign (a survey sent to many people).</summary>
    StartCampaign,

    ScheduleVisit,

    /// <summary>Lists of visits: a supervisor's own, a director's school's, anyone's for the area-wide roles.</summary>
    SeeVisits,

    ImportDirectory,

    /// <summary>Who can and cannot be reached in chat, school by school.</summary>
    SeeReachability,

    /// <summary>A form's summary; which scopes (school, group, area) is <see cref="AccessPolicy.MaySeeSchool"/>, <see cref="AccessPolicy.MaySeeGroup"/> and <see cref="AccessPolicy.MaySeeArea"/>.</summary>
    SeeSummaries,

    /// <summary>A form's responses as a file; which forms and scopes is ExportAccess (Dialogs/Export).</summary>
    ExportResponses,
}

/// <summary>The answer to "may I?": when refused, who may, so the message can send the user to them.</summary>
public sealed record AccessDecision(bool Allowed, IReadOnlyList<RespondentRole> WhoMay)
{
    public LocalizedText Refusal(LocalizedText what)
    {
        var who = RoleNames.Join(WhoMay);
        return new LocalizedText(
            $"ขออภัย {what.Th}ได้เฉพาะ{who.Th}เท่านั้น หากต้องการให้ดำเนินการ โปรดติดต่อ{who.Th}",
            $"Sorry, only {who.En} can {what.En}. Please ask one of them.");
    }
}

/// <summary>
/// Who may do what in the area office, and whose answers each person may see. The conversation
/// layer asks here for every command and button, so hiding a button is never the only guard.
/// </summary>
public static class AccessPolicy
{
    private static readonly Dictionary<OfficeAction, RespondentRole[]> Holders = new()
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
        // Those who read some form's answers; each form's own readers and the scope narrow it further.
        [OfficeAction.ExportResponses] =
        [
            RespondentRole.Director, RespondentRole.GroupChair, RespondentRole.GroupViceChair, RespondentRole.Supervisor,
            RespondentRole.UnitHead, RespondentRole.AreaDirector, RespondentRole.Admin,
        ],
    };

    /// <summary>Roles that see every school's answers and every group's aggregates.</summary>
    private static readonly RespondentRole[] AreaWide = [RespondentRole.UnitHead, RespondentRole.AreaDirector, RespondentRole.Admin];

    public static OfficeAction ForCommand(CommandKind command) => command switch
    {
        CommandKind.Forms or CommandKind.Survey or CommandKind.Visit or CommandKind.Satisfaction or CommandKind.Meeting
            or CommandKind.Status or CommandKind.Resume or CommandKind.Cancel or CommandKind.Language or CommandKind.Help => OfficeAction.UseBot,
        // Whose follow-ups one may see and check off depends on the school or group: MaySeeSchool/MaySeeGroup decide.
        CommandKind.FollowUps or CommandKind.Timeline => OfficeAction.UseBot,
        CommandKind.Reach => OfficeAction.SeeReachability,
        CommandKind.StartCampaign or CommandKind.MyCampaigns => OfficeAction.StartCampaign,
        CommandKind.ScheduleVisit => OfficeAction.ScheduleVisit,
        CommandKind.MyVisits => OfficeAction.SeeVisits,
        CommandKind.Summary => OfficeAction.SeeSummaries,
        CommandKind.Export => OfficeAction.ExportResponses,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Every command needs a rule here."),
    };

    /// <summary>The card verbs; a verb we do not know is refused to everyone.</summary>
    public static OfficeAction? ForVerb(string verb) => verb switch
    {
        CardVerbs.FormStart or CardVerbs.FormBack or CardVerbs.FormNext or CardVerbs.FormReview or CardVerbs.FormEdit
            or CardVerbs.FormSubmit or CardVerbs.FormCancel or CardVerbs.FormsMenu => OfficeAction.UseBot,
        CardVerbs.FollowUpDone or CardVerbs.TimelinePage => OfficeAction.UseBot,
        _ when CampaignVerbs.All.Contains(verb) => OfficeAction.StartCampaign,
        VisitVerbs.New or VisitVerbs.Schedule or VisitVerbs.Cancel or VisitVerbs.CancelConfirm
            or VisitVerbs.Reschedule or VisitVerbs.RescheduleSave => OfficeAction.ScheduleVisit,
        VisitVerbs.Week or VisitVerbs.Semester => OfficeAction.SeeVisits,
        CardVerbs.SummaryRefresh => OfficeAction.SeeSummaries,
        ExportVerbs.Request => OfficeAction.ExportResponses,
        _ => null,
    };

    /// <summary>Everyone may use the bot, someone with no role too: they still get help and can ask for one.</summary>
    public static AccessDecision Decide(OfficeAction action, IReadOnlySet<RespondentRole> roles)
    {
        var holders = Holders[action];
        return new AccessDecision(action == OfficeAction.UseBot || holders.Any(roles.Contains), holders);
    }

    /// <summary>The action as the end of "only … may …", for the refusal message.</summary>
    public static LocalizedText Describe(OfficeAction action) => action switch
    {
        OfficeAction.UseBot => new("ใช้งานบอต", "use the bot"),
        OfficeAction.StartCampaign => new("ส่งแบบสำรวจถึงผู้รับจำนวนมาก", "send a survey campaign"),
        OfficeAction.ScheduleVisit => new("นัดหมายการนิเทศ", "schedule supervision visits"),
        OfficeAction.SeeVisits => new("ดูรายการการนิเทศ", "see supervision visits"),
        OfficeAction.ImportDirectory => new("นำเข้าทำเนียบบุคลากร", "import the directory"),
        OfficeAction.SeeReachability => new("ดูว่าติดต่อใครทางแชตได้บ้าง", "see who can be reached in chat"),
        OfficeAction.SeeSummaries => new("ดูสรุปผลแบบฟอร์ม", "see form summaries"),
        OfficeAction.ExportResponses => new("ส่งออกคำตอบแบบฟอร์มเป็นไฟล์", "export form responses as a file"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Every action needs words here."),
    };

    /// <summary>Whether the person may see the whole area's roll-up: the unit head, the area director and admins.</summary>
    public static bool MaySeeArea(IReadOnlySet<RespondentRole> roles) => AreaWide.Any(roles.Contains);

    /// <summary>
    /// Whether the person may see the answers given at a school: its director, the supervisors
    /// assigned to its group, and the area-wide roles. Everyone sees their own answers.
    /// </summary>
    public static bool MaySeeSchool(Person? person, IReadOnlySet<RespondentRole> roles, School school)
    {
        if (AreaWide.Any(roles.Contains))
        {
            return true;
        }
        if (person is null)
        {
            return false;
        }
        return (roles.Contains(RespondentRole.Director) && string.Equals(person.SchoolCode, school.Code, StringComparison.OrdinalIgnoreCase))
            || (roles.Contains(RespondentRole.Supervisor) && person.GroupNumbers.Contains(school.GroupNumber));
    }

    /// <summary>
    /// Whether the person may see a school group's aggregates: its chair and vice-chair (by their
    /// row in people.csv or groups.csv), the supervisors assigned to it, and the area-wide roles.
    /// </summary>
    public static bool MaySeeGroup(Person? person, IReadOnlySet<RespondentRole> roles, SchoolGroup group)
    {
        if (AreaWide.Any(roles.Contains))
        {
            return true;
        }
        if (person is null)
        {
            return false;
        }
        var chairs = (roles.Contains(RespondentRole.GroupChair) || roles.Contains(RespondentRole.GroupViceChair))
            && (person.GroupNumbers.Contains(group.Number) || person.Email == group.ChairEmail || person.Email == group.ViceChairEmail);
        return chairs || (roles.Contains(RespondentRole.Supervisor) && person.GroupNumbers.Contains(group.Number));
    }

    /// <summary>Whether a learning area's answers are the supervisor's to see: their assigned areas (or all, for area-wide roles).</summary>
    public static bool MaySeeLearningArea(Person? person, IReadOnlySet<RespondentRole> roles, string learningArea) =>
        AreaWide.Any(roles.Contains)
        || (person is not null && roles.Contains(RespondentRole.Supervisor) && person.LearningAreas.Contains(learningArea, StringComparer.Ordinal));
}
