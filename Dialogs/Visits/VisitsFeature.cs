using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Routing;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;
using Inputs = SupervisionBot.Dialogs.Visits.VisitCards.Inputs;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// Visits in chat: “นัดนิเทศ” schedules one with a short guided card, “การนิเทศของฉัน” lists a week of a
/// supervisor's visits (a director's school's) with reschedule and cancel on each open one, and a
/// semester's list for a school group. The router has checked the office's policy; this checks whose visit it is.
/// </summary>
public sealed class VisitsFeature(VisitPlanner planner, SemesterVisits semesters, IVisitStore store, IOfficeDirectorySource directory, FormCatalogue catalogue, TimeProvider time) : ITurnFeature
{
    private static readonly RespondentRole[] AreaWide = [RespondentRole.UnitHead, RespondentRole.AreaDirector, RespondentRole.Admin];

    public IReadOnlyCollection<CommandKind> Commands { get; } = [CommandKind.ScheduleVisit, CommandKind.MyVisits];

    public string VerbPrefix => VisitVerbs.Prefix;

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync(turn, roles, cancellationToken);
        var card = command == CommandKind.ScheduleVisit
            ? StartScheduling(viewer, argument.Trim(), turn.Language)
            : await WeekAsync(viewer, WhoseFromArgument(viewer, argument), Today(), turn.Language, cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(card));
    }

    public async Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync(turn, roles, cancellationToken);
        var language = turn.Language;
        var data = action.Data;
        var card = action.Verb switch
        {
            VisitVerbs.New => StartScheduling(viewer, Text(data, Inputs.School) ?? "", language),
            VisitVerbs.Schedule => await ScheduleAsync(viewer, data, language, cancellationToken),
            VisitVerbs.Week => await WeekAsync(viewer, WhoseFromData(viewer, data),
                ThaiDates.TryParseDate(Text(data, Inputs.Week), out var week) ? week : Today(), language, cancellationToken),
            VisitVerbs.Semester => await SemesterAsync(viewer, WhoseFromData(viewer, data), data, language, cancellationToken),
            VisitVerbs.Cancel => await WithVisitAsync(viewer, data, language, line => VisitCards.ConfirmCancel(line, language), cancellationToken),
            VisitVerbs.CancelConfirm => await CancelAsync(viewer, data, language, cancellationToken),
            VisitVerbs.Reschedule => await WithVisitAsync(viewer, data, language, line => VisitCards.Reschedule(line, Typed(data), [], language), cancellationToken),
            VisitVerbs.RescheduleSave => await RescheduleAsync(viewer, data, language, cancellationToken),
            _ => VisitCards.Notice(language.Pick("ไม่รู้จักปุ่มนี้", "Unknown button"), [], language),
        };
        return new TurnResult { UpdatedCard = card };
    }

    /// <summary>Who is asking: their directory entry (null when it does not list them) and roles.</summary>
    private sealed record Viewer(Person? Person, IReadOnlySet<RespondentRole> Roles, OfficeDirectory Directory)
    {
        public VisitActor Actor => new(Person?.Email, Roles);

        public bool IsAreaWide => AreaWide.Any(Roles.Contains);

        public bool MayPlan => Roles.Contains(RespondentRole.Supervisor) || Roles.Contains(RespondentRole.Admin);

        public bool MayChange(Visit visit) => Roles.Contains(RespondentRole.Admin) || (MayPlan && Actor.Is(visit.SupervisorEmail));
    }

    /// <summary>Whose visits a list shows: a supervisor's or a school's.</summary>
    private sealed record Whose(string? SupervisorEmail, string? SchoolCode)
    {
        public JsonObject Data => SupervisorEmail is not null
            ? new JsonObject { [Inputs.Who] = SupervisorEmail }
            : new JsonObject { [Inputs.School] = SchoolCode };
    }

    private async Task<Viewer> ViewerAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CancellationToken cancellationToken)
    {
        var current = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? current.PersonByAadObjectId(aad) : null;
        return new Viewer(person, roles, current);
    }

    private AdaptiveCard StartScheduling(Viewer viewer, string schoolCode, Language language)
    {
        if (viewer.Person is null && !viewer.Roles.Contains(RespondentRole.Admin))
        {
            return VisitCards.Notice(language.Pick("นัดหมายการนิเทศไม่ได้", "Cannot schedule"), [VisitChatTexts.NotInDirectory], language);
        }
        if (schoolCode.Length > 0 && viewer.Directory.School(schoolCode) is { } school)
        {
            return ScheduleCard(viewer, school, new Dictionary<string, string>(), [], language);
        }
        var groups = viewer.Roles.Contains(RespondentRole.Admin) ? [] : viewer.Person?.GroupNumbers ?? [];
        var schools = viewer.Directory.Schools.Where(s => groups.Count == 0 || groups.Contains(s.GroupNumber)).ToList();
        return VisitCards.PickSchool(schools, language);
    }

    private AdaptiveCard ScheduleCard(Viewer viewer, School school, IReadOnlyDictionary<string, string> typed, IReadOnlyList<LocalizedText> problems, Language language)
    {
        var people = viewer.Directory.People;
        var teachers = people
            .Where(p => string.Equals(p.SchoolCode, school.Code, StringComparison.OrdinalIgnoreCase) && (p.Holds(RespondentRole.Teacher) || p.Holds(RespondentRole.Director)))
            .ToList();
        var supervisors = viewer.Roles.Contains(RespondentRole.Admin) ? people.Where(p => p.Holds(RespondentRole.Supervisor)).ToList() : null;
        return VisitCards.Schedule(new ScheduleForm(school, teachers, [.. planner.Rules.Checklists], supervisors, typed, problems), language);
    }

    private async Task<AdaptiveCard> ScheduleAsync(Viewer viewer, JsonObject data, Language language, CancellationToken cancellationToken)
    {
        if (viewer.Directory.School(Text(data, Inputs.School) ?? "") is not { } school)
        {
            return StartScheduling(viewer, "", language);
        }
        var typed = Typed(data);
        var problems = new List<LocalizedText>();
        var window = ReadWindow(typed, problems);
        var modeText = typed.GetValueOrDefault(Inputs.Mode, "onsite");
        if (!VisitImport.TryMode(modeText, out var mode))
        {
            problems.Add(VisitImportTexts.BadMode(modeText));
        }
        var purpose = typed.GetValueOrDefault(Inputs.Purpose, "");
        if (purpose.Length == 0)
        {
            problems.Add(VisitChatTexts.PurposeRequired);
        }
        var supervisor = viewer.Roles.Contains(RespondentRole.Admin) && typed.TryGetValue(Inputs.Supervisor, out var chosen) ? chosen : viewer.Person?.Email ?? "";
        if (problems.Count > 0 || window is not { } w)
        {
            return ScheduleCard(viewer, school, typed, problems, language);
        }
        var teachers = typed.GetValueOrDefault(Inputs.Teachers, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = new VisitRequest(school.Code, w.Date, w.Start, w.End, supervisor, typed.GetValueOrDefault(Inputs.Checklist, ""), purpose, mode, teachers);
        var result = await planner.ScheduleAsync(request, viewer.Actor, cancellationToken);
        return result.Status switch
        {
            PlanStatus.Refused => ScheduleCard(viewer, school, typed, result.Problems, language),
            PlanStatus.AlreadyScheduled => VisitCards.Done(language.Pick("มีการนัดหมายนี้อยู่แล้ว", "This visit is already scheduled"), Line(viewer, result.Visit!, language), language),
            _ => VisitCards.Done(language.Pick("นัดหมายการนิเทศแล้ว", "Visit scheduled"), Line(viewer, result.Visit!, language), language),
        };
    }

    private async Task<AdaptiveCard> WeekAsync(Viewer viewer, Whose? whose, DateOnly day, Language language, CancellationToken cancellationToken)
    {
        if (whose is null)
        {
            return VisitCards.Notice(language.Pick("การนิเทศของฉัน", "My visits"), [VisitChatTexts.SayWhose], language);
        }
        var monday = VisitCards.WeekOf(day);
        var from = Utc(monday);
        var to = Utc(monday.AddDays(7));
        var visits = whose.SupervisorEmail is { } email
            ? await store.BySupervisorAsync(email, from, to, cancellationToken)
            : await store.BySchoolAsync(whose.SchoolCode!, from, to, cancellationToken);
        var heading = whose.SupervisorEmail is { } own && viewer.Actor.Is(own)
            ? language.Pick("การนิเทศของฉัน", "My visits")
            : whose.SupervisorEmail is { } other
                ? language.Pick($"การนิเทศของ{NameOf(viewer, other)}", $"Visits of {NameOf(viewer, other)}")
                : language.Pick($"การนิเทศ{viewer.Directory.School(whose.SchoolCode!)?.Title(language)}", $"Visits to {viewer.Directory.School(whose.SchoolCode!)?.Title(language)}");
        var groups = whose.SupervisorEmail is { } s ? viewer.Directory.PersonByEmail(s)?.GroupNumbers ?? [] : [];
        return VisitCards.Week(heading, monday, [.. visits.Select(v => Line(viewer, v, language))], whose.Data, groups, viewer.MayPlan, language);
    }

    private async Task<AdaptiveCard> SemesterAsync(Viewer viewer, Whose? whose, JsonObject data, Language language, CancellationToken cancellationToken)
    {
        var title = language.Pick("การนิเทศรายภาคเรียน", "Visits this semester");
        if (whose?.SupervisorEmail is not { } email || !int.TryParse(Text(data, Inputs.Group), NumberStyles.None, CultureInfo.InvariantCulture, out var group))
        {
            return VisitCards.Notice(title, [VisitChatTexts.SayWhose], language);
        }
        if (semesters.Find(null) is not { } semester)
        {
            return VisitCards.Notice(title, [VisitChatTexts.NoSemester], language);
        }
        var visits = await semesters.ListAsync(email, group, semester, cancellationToken);
        var command = $"dotnet run --project Bot -- visits export --supervisor {email} --group {group} --semester {semester.Name} --out visits-{semester.Name}-group{group}.csv";
        return VisitCards.SemesterList($"{title} · {NameOf(viewer, email)}", semester, group, [.. visits.Select(v => Line(viewer, v, language))], command, language);
    }

    private async Task<AdaptiveCard> WithVisitAsync(Viewer viewer, JsonObject data, Language language, Func<VisitLine, AdaptiveCard> show, CancellationToken cancellationToken)
    {
        var title = language.Pick("การนิเทศ", "Visit");
        if (Text(data, VisitVerbs.VisitIdKey) is not { } id || await store.GetAsync(id, cancellationToken) is not { } stored)
        {
            return VisitCards.Notice(title, [VisitTexts.NoSuchVisit], language);
        }
        var visit = stored.Visit;
        if (!viewer.MayChange(visit))
        {
            return VisitCards.Notice(title, [VisitTexts.OnlyTheSupervisor(NameOf(viewer, visit.SupervisorEmail))], language);
        }
        return visit.IsOpen ? show(Line(viewer, visit, language)) : VisitCards.Notice(title, [VisitTexts.NoLongerOpen(visit.Status)], language);
    }

    private async Task<AdaptiveCard> CancelAsync(Viewer viewer, JsonObject data, Language language, CancellationToken cancellationToken)
    {
        var result = await planner.CancelAsync(Text(data, VisitVerbs.VisitIdKey) ?? "", viewer.Actor, cancellationToken);
        return result.Status == ChangeStatus.Done
            ? VisitCards.Done(language.Pick("ยกเลิกการนิเทศแล้ว", "Visit cancelled"), Line(viewer, result.Visit!, language), language)
            : VisitCards.Notice(language.Pick("ยกเลิกการนิเทศไม่ได้", "The visit was not cancelled"), result.Problems, language);
    }

    private async Task<AdaptiveCard> RescheduleAsync(Viewer viewer, JsonObject data, Language language, CancellationToken cancellationToken)
    {
        var id = Text(data, VisitVerbs.VisitIdKey) ?? "";
        var typed = Typed(data);
        var problems = new List<LocalizedText>();
        if (ReadWindow(typed, problems) is not { } w)
        {
            return await WithVisitAsync(viewer, data, language, line => VisitCards.Reschedule(line, typed, problems, language), cancellationToken);
        }
        var result = await planner.RescheduleAsync(id, w.Date, w.Start, w.End, viewer.Actor, cancellationToken);
        return result.Status switch
        {
            ChangeStatus.Done => VisitCards.Done(language.Pick("เลื่อนนัดการนิเทศแล้ว", "Visit rescheduled"), Line(viewer, result.Replacement!, language), language),
            ChangeStatus.Refused => VisitCards.Reschedule(Line(viewer, result.Visit!, language), typed, result.Problems, language),
            _ => VisitCards.Notice(language.Pick("เลื่อนนัดไม่ได้", "The visit was not rescheduled"), result.Problems, language),
        };
    }

    private sealed record Window(DateOnly Date, TimeOnly Start, TimeOnly End);

    /// <summary>The date (from the picker, or typed as วว/ดด/ปปปป or ISO) and times; what cannot be read is a problem, said kindly.</summary>
    private static Window? ReadWindow(IReadOnlyDictionary<string, string> typed, List<LocalizedText> problems)
    {
        var dateText = typed.GetValueOrDefault(Inputs.Date, "");
        var dateOk = ThaiDates.TryParseDate(dateText, out var date);
        if (!dateOk)
        {
            problems.Add(VisitChatTexts.BadDate(dateText));
        }
        var start = Time(typed.GetValueOrDefault(Inputs.Start, ""));
        var end = Time(typed.GetValueOrDefault(Inputs.End, ""));
        if (start is null || end is null)
        {
            problems.Add(VisitChatTexts.BadTime);
        }
        return dateOk && start is { } s && end is { } e ? new Window(date, s, e) : null;
    }

    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(ThaiDates.LatinDigits(text.Trim()).Replace('.', ':'), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    private static Whose? WhoseFromArgument(Viewer viewer, string argument)
    {
        var named = argument.Trim();
        if (named.Length > 0 && viewer.IsAreaWide)
        {
            if (named.Contains('@', StringComparison.Ordinal))
            {
                return new Whose(named.ToLowerInvariant(), null);
            }
            if (viewer.Directory.School(named) is { } school)
            {
                return new Whose(null, school.Code);
            }
        }
        return Own(viewer);
    }

    /// <summary>Paging buttons carry whose list it is; only the area-wide roles may look at someone else's.</summary>
    private static Whose? WhoseFromData(Viewer viewer, JsonObject data)
    {
        if (viewer.IsAreaWide)
        {
            if (Text(data, Inputs.Who) is { } who)
            {
                return new Whose(who, null);
            }
            if (Text(data, Inputs.School) is { } school)
            {
                return new Whose(null, school);
            }
        }
        return Own(viewer);
    }

    private static Whose? Own(Viewer viewer) => viewer.Person switch
    {
        { } p when p.Holds(RespondentRole.Supervisor) => new Whose(p.Email, null),
        { SchoolCode: { } school } p when p.Holds(RespondentRole.Director) => new Whose(null, school),
        _ => null,
    };

    private VisitLine Line(Viewer viewer, Visit visit, Language language) => new(
        visit,
        viewer.Directory.School(visit.SchoolCode)?.Title(language) ?? visit.SchoolCode,
        catalogue.Find(visit.ChecklistFormId)?.Title.Get(language) ?? visit.ChecklistFormId,
        NameOf(viewer, visit.SupervisorEmail),
        viewer.MayChange(visit));

    private static string NameOf(Viewer viewer, string email) => viewer.Directory.PersonByEmail(email)?.DisplayName ?? email;

    private static Dictionary<string, string> Typed(JsonObject data)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (string[])[Inputs.Supervisor, Inputs.Date, Inputs.Start, Inputs.End, Inputs.Purpose, Inputs.Mode, Inputs.Checklist, Inputs.Teachers])
        {
            if (Text(data, key) is { } value)
            {
                typed[key] = value;
            }
        }
        return typed;
    }

    private static string? Text(JsonObject data, string key) =>
        data[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim()
        : data[key] is JsonValue number && number.TryGetValue<int>(out var n) ? n.ToString(CultureInfo.InvariantCulture)
        : null;

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ThaiDates.Bangkok).DateTime);

    private static DateTimeOffset Utc(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ThaiDates.Bangkok.BaseUtcOffset).ToUniversalTime();

}

/// <summary>What the visit cards say about input they could not read.</summary>
public static class VisitChatTexts
{
    public static LocalizedText BadDate(string typed) => new(
        typed.Length == 0 ? "โปรดเลือกวันที่ หรือพิมพ์เป็น วว/ดด/ปปปป (พ.ศ.) เช่น 24/11/2569" : $"อ่านวันที่ “{typed}” ไม่ได้ โปรดเลือกจากปฏิทิน หรือพิมพ์เป็น วว/ดด/ปปปป (พ.ศ.) เช่น 24/11/2569",
        typed.Length == 0 ? "Choose a date, or type it as dd/mm/yyyy (Buddhist Era), e.g. 24/11/2569" : $"“{typed}” is not a date; pick one or type dd/mm/yyyy (Buddhist Era), e.g. 24/11/2569");

    public static LocalizedText BadTime { get; } = new(
        "โปรดระบุเวลาเริ่มและเวลาสิ้นสุดเป็น ชช:นน เช่น 09:00",
        "Give the start and end times as HH:mm, e.g. 09:00");

    public static LocalizedText PurposeRequired { get; } = new(
        "โปรดระบุวัตถุประสงค์ของการนิเทศ",
        "Give the purpose of the visit");

    public static LocalizedText NotInDirectory { get; } = new(
        "ไม่พบชื่อของท่านในทำเนียบบุคลากร โปรดติดต่อผู้ดูแลระบบ",
        "You are not in the office's directory; please ask the admin");

    public static LocalizedText SayWhose { get; } = new(
        "โปรดระบุว่าต้องการดูการนิเทศของใคร เช่น “การนิเทศของฉัน name@example.go.th” หรือ “การนิเทศของฉัน S0001” (รหัสโรงเรียน)",
        "Say whose visits to show, e.g. “my visits name@example.go.th” or “my visits S0001” (a school code)");

    public static LocalizedText NoSemester { get; } = new(
        "ปฏิทินการศึกษาไม่มีภาคเรียนปัจจุบัน โปรดติดต่อผู้ดูแลระบบ",
        "The school calendar has no current semester; please ask the admin");
}
