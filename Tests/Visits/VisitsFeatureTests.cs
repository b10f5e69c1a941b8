using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.Filling;

namespace SupervisionBot.Tests.Visits;

/// <summary>Visits in chat through the real router, as a supervisor, a director, a teacher and an admin use them.</summary>
public sealed class VisitsFeatureTests
{
    private const string NiramonAad = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private const string DirectorAad = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private const string TeacherAad = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string AdminAad = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";

    private readonly VisitWorld _world = new();
    private readonly FormDesk _desk;

    public VisitsFeatureTests()
    {
        var source = new FixedDirectorySource(_world.Directory);
        var semesters = new SemesterVisits(_world.Store, source, VisitWorld.Calendar, VisitWorld.Catalogue, _world.Time);
        var feature = new VisitsFeature(_world.Planner, semesters, _world.Store, source, VisitWorld.Catalogue, _world.Time);
        var roles = new DirectoryRoles(source, new FixedRoles([]), _ => false);
        _desk = new FormDesk(_world.Time, roles: roles, features: [feature]);
        As(NiramonAad);
    }

    private void As(string aad) => _desk.User = new Participant("29:" + aad, aad, null);

    private static string Text(AdaptiveCard card) => FormDesk.Text(card);

    private static Dictionary<string, string?> Filled(string date = "2026-11-24", string start = "09:00", string end = "11:00") => new()
    {
        ["date"] = date,
        ["start"] = start,
        ["end"] = end,
        ["purpose"] = "นิเทศการจัดการเรียนรู้เชิงรุก",
        ["mode"] = "blended",
        ["checklist"] = "active-learning-observation",
        ["teachers"] = "wipa.t@school-a.example.ac.th,anan.p@school-a.example.ac.th",
    };

    private async Task<Visit?> ScheduleAsync(Dictionary<string, string?>? inputs = null)
    {
        await _desk.SayAsync("นัดนิเทศ");
        await _desk.PressAsync(VisitVerbs.New, new Dictionary<string, string?> { ["school"] = "S0001" });
        await _desk.PressAsync(VisitVerbs.Schedule, inputs ?? Filled());
        return _world.Store.All.LastOrDefault();
    }

    [Fact]
    public async Task A_supervisor_schedules_through_the_guided_card_choosing_among_their_groups_schools_and_that_school_s_teachers()
    {
        await _desk.SayAsync("นัดนิเทศ");
        var schools = CardTreeInputs<ChoiceSetInput>(_desk.Card!).Single(i => i.Id == "school").Choices.Select(c => c.Value);
        // นางนิรมล is assigned groups 1 and 2: every school of those, and only those.
        Assert.Equal(["S0001", "S0002", "S0003", "S0004"], schools);

        await _desk.PressAsync(VisitVerbs.New, new Dictionary<string, string?> { ["school"] = "S0001" });
        var teachers = CardTreeInputs<ChoiceSetInput>(_desk.Card!).Single(i => i.Id == "teachers");
        Assert.True(teachers.IsMultiSelect);
        Assert.Equal(["anan.p@school-a.example.ac.th", "somchai.r@school-a.example.ac.th", "wipa.t@school-a.example.ac.th"], teachers.Choices.Select(c => c.Value).Order());
        Assert.Contains(CardTreeInputs<CardInput>(_desk.Card!), i => i is DateInput { Id: "date" });
        Assert.Contains(CardTreeInputs<CardInput>(_desk.Card!), i => i is TimeInput { Id: "start" });

        await _desk.PressAsync(VisitVerbs.Schedule, Filled());

        var visit = Assert.Single(_world.Store.All);
        Assert.Equal(("S0001", VisitWorld.Supervisor, VisitMode.Blended), (visit.SchoolCode, visit.SupervisorEmail, visit.Mode));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), visit.StartUtc);
        Assert.Equal(["wipa.t@school-a.example.ac.th", "anan.p@school-a.example.ac.th"], visit.TeacherEmails);
        Assert.Contains("นัดหมายการนิเทศแล้ว", Text(_desk.Card!));
        Assert.Contains("24 พฤศจิกายน 2569", Text(_desk.Card!));
        Assert.Equal([visit.Id], _world.Reminders.Planned);
    }

    [Fact]
    public async Task A_date_typed_in_the_buddhist_era_is_accepted()
    {
        var visit = (await ScheduleAsync(Filled(date: "๒๕/๑๑/๒๕๖๙")))!;

        Assert.Equal(new DateOnly(2026, 11, 25), visit.BangkokDate);
    }

    [Theory]
    [InlineData(Language.Thai, "32/11/2569", "09:00", "11:00", "อ่านวันที่ “32/11/2569” ไม่ได้")]
    [InlineData(Language.English, "2026-11-19", "09:00", "11:00", "That date and time have already passed; choose a time ahead")]
    [InlineData(Language.Thai, "2026-11-24", "11:00", "09:00", "เวลาสิ้นสุดต้องหลังเวลาเริ่ม (ภายในวันเดียวกัน)")]
    [InlineData(Language.English, "2026-12-10", "09:00", "11:00", "10 December 2026 is a holiday (Constitution Day); choose a working day")]
    public async Task Bad_input_gets_a_friendly_message_in_the_user_s_language_and_the_card_comes_back_filled(Language language, string date, string start, string end, string message)
    {
        _desk.Language = language;
        var inputs = Filled(date, start, end);

        await ScheduleAsync(inputs);

        Assert.Empty(_world.Store.All);
        var card = _desk.Card!;
        Assert.Contains(message, Text(card));
        var values = CardTreeInputs<CardInput>(card).ToDictionary(i => i.Id, Value);
        Assert.Equal(start, values["start"]);
        Assert.Equal(end, values["end"]);
        Assert.Equal("นิเทศการจัดการเรียนรู้เชิงรุก", values["purpose"]);
        Assert.Equal("blended", values["mode"]);
        Assert.Equal("active-learning-observation", values["checklist"]);
        Assert.Equal("wipa.t@school-a.example.ac.th,anan.p@school-a.example.ac.th", values["teachers"]);
        Assert.Equal(date.Contains('/', StringComparison.Ordinal) ? date : date, values["date"]);
        Assert.Contains(VisitVerbs.Schedule, Text(card));
    }

    [Fact]
    public async Task My_visits_lists_the_week_in_thai_with_status_and_pages_by_week_and_the_buttons_cancel_and_reschedule()
    {
        var visit = (await ScheduleAsync())!;
        await _desk.SayAsync("การนิเทศของฉัน");
        var week = Text(_desk.Card!);
        Assert.Contains("สัปดาห์ 16 พฤศจิกายน 2569 – 22 พฤศจิกายน 2569", week);
        Assert.Contains("ไม่มีการนิเทศในสัปดาห์นี้", week);

        await PressAsync(_desk, VisitVerbs.Week, 1);
        Assert.Contains("24 พฤศจิกายน 2569 09:00–11:00 · โรงเรียนริมน้ำวิทยา", Text(_desk.Card!));
        Assert.Contains("นัดหมายแล้ว", Text(_desk.Card!));

        await _desk.PressAsync(VisitVerbs.Reschedule);
        await _desk.PressAsync(VisitVerbs.RescheduleSave, new Dictionary<string, string?> { ["date"] = "26/11/2569", ["start"] = "13:00", ["end"] = "15:00" });
        Assert.Contains("เลื่อนนัดการนิเทศแล้ว", Text(_desk.Card!));
        var moved = (await _world.Store.GetAsync(visit.Id, CancellationToken.None))!.Visit;
        Assert.Equal(VisitStatus.Rescheduled, moved.Status);
        var replacement = (await _world.Store.GetAsync(moved.RescheduledAs!, CancellationToken.None))!.Visit;
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), replacement.StartUtc);

        await _desk.PressAsync(VisitVerbs.Week);
        Assert.Contains("เลื่อนนัดแล้ว", Text(_desk.Card!));
        await _desk.PressAsync(VisitVerbs.Cancel);
        Assert.Contains("ยืนยันการยกเลิก", Text(_desk.Card!));
        await _desk.PressAsync(VisitVerbs.CancelConfirm);
        Assert.Contains("ยกเลิกการนิเทศแล้ว", Text(_desk.Card!));
        Assert.Equal(VisitStatus.Cancelled, (await _world.Store.GetAsync(replacement.Id, CancellationToken.None))!.Visit.Status);
        Assert.Equal([visit.Id, replacement.Id], _world.Reminders.Dropped);
    }

    [Fact]
    public async Task A_bad_new_time_brings_the_reschedule_card_back_with_what_was_typed()
    {
        var visit = (await ScheduleAsync())!;

        await _desk.ActAsync(VisitVerbs.RescheduleSave, new JsonObject { ["visitId"] = visit.Id, ["date"] = "2026-11-28", ["start"] = "13:00", ["end"] = "15:00" });

        var card = _desk.Card!;
        Assert.Contains("28 พฤศจิกายน 2569 เป็นวันเสาร์หรืออาทิตย์ โปรดเลือกวันทำการ", Text(card));
        var values = CardTreeInputs<CardInput>(card).ToDictionary(i => i.Id, Value);
        Assert.Equal(("2026-11-28", "13:00", "15:00"), (values["date"], values["start"], values["end"]));
        Assert.Equal(VisitStatus.Scheduled, (await _world.Store.GetAsync(visit.Id, CancellationToken.None))!.Visit.Status);
    }

    [Fact]
    public async Task A_director_sees_their_school_s_visits_without_changing_them_and_is_refused_the_buttons()
    {
        var visit = (await ScheduleAsync())!;
        As(DirectorAad);

        await _desk.SayAsync("my visits");
        await PressAsync(_desk, VisitVerbs.Week, 1);
        var card = Text(_desk.Card!);
        Assert.Contains("การนิเทศโรงเรียนริมน้ำวิทยา", card);
        Assert.Contains("นางนิรมล ใส่ใจ", card);
        Assert.DoesNotContain(VisitVerbs.Cancel, card);

        await _desk.ActAsync(VisitVerbs.Cancel, new JsonObject { ["visitId"] = visit.Id });
        Assert.Contains("ขออภัย นัดหมายการนิเทศได้เฉพาะ", Text(_desk.Card!));
        Assert.Equal(VisitStatus.Scheduled, (await _world.Store.GetAsync(visit.Id, CancellationToken.None))!.Visit.Status);
    }

    [Fact]
    public async Task A_teacher_is_refused_politely_and_another_supervisor_may_not_cancel_someone_else_s_visit()
    {
        var visit = (await ScheduleAsync())!;
        As(TeacherAad);
        _desk.Language = Language.English;

        await _desk.SayAsync("my visits");
        Assert.Contains("can see supervision visits. Please ask one of them.", Text(_desk.Card!));
        await _desk.SayAsync("schedule");
        Assert.Contains("Sorry, only supervisors and system administrators can schedule supervision visits", Text(_desk.Card!));

        // thongchai is a supervisor, but not this visit's.
        var thongchai = _world.Directory.PersonByEmail(VisitWorld.OtherSupervisor)!;
        var withAad = new OfficeDirectory(_world.Directory.Groups, _world.Directory.Schools, _world.Directory.Centres,
            _world.Directory.People.Select(p => p == thongchai ? p with { AadObjectId = "aad-thongchai" } : p));
        var source = new FixedDirectorySource(withAad);
        var planner = new VisitPlanner(_world.Store, _world.Reminders, source, _world.Rules);
        var feature = new VisitsFeature(planner, new SemesterVisits(_world.Store, source, VisitWorld.Calendar, VisitWorld.Catalogue, _world.Time), _world.Store, source, VisitWorld.Catalogue, _world.Time);
        var colleague = new FormDesk(_world.Time, roles: new DirectoryRoles(source, new FixedRoles([]), _ => false), features: [feature])
        {
            User = new Participant("29:t", "aad-thongchai", null),
            Language = Language.English,
        };
        await colleague.ActAsync(VisitVerbs.CancelConfirm, new JsonObject { ["visitId"] = visit.Id });
        Assert.Contains("supervisor (นางนิรมล ใส่ใจ) or an admin can cancel or reschedule this visit", Text(colleague.Card!));
        Assert.Equal(VisitStatus.Scheduled, (await _world.Store.GetAsync(visit.Id, CancellationToken.None))!.Visit.Status);
    }

    [Fact]
    public async Task An_admin_schedules_for_a_supervisor_sees_their_week_and_cancels()
    {
        As(AdminAad);
        await _desk.SayAsync("นัดนิเทศ S0003");
        var supervisors = CardTreeInputs<ChoiceSetInput>(_desk.Card!).Single(i => i.Id == "supervisor").Choices.Select(c => c.Value);
        Assert.Equal([VisitWorld.Supervisor, VisitWorld.OtherSupervisor], supervisors.Order(StringComparer.Ordinal));

        var inputs = Filled();
        inputs["supervisor"] = VisitWorld.OtherSupervisor;
        inputs["teachers"] = "kanya.m@school-c.example.ac.th";
        await _desk.PressAsync(VisitVerbs.Schedule, inputs);
        var visit = Assert.Single(_world.Store.All);
        Assert.Equal((VisitWorld.OtherSupervisor, "S0003"), (visit.SupervisorEmail, visit.SchoolCode));

        await _desk.SayAsync("การนิเทศของฉัน");
        Assert.Contains("โปรดระบุว่าต้องการดูการนิเทศของใคร", Text(_desk.Card!));
        await _desk.SayAsync($"การนิเทศของฉัน {VisitWorld.OtherSupervisor}");
        await PressAsync(_desk, VisitVerbs.Week, 1);
        Assert.Contains("การนิเทศของนายธงชัย นำทาง", Text(_desk.Card!));
        await _desk.PressAsync(VisitVerbs.Cancel);
        await _desk.PressAsync(VisitVerbs.CancelConfirm);
        Assert.Equal(VisitStatus.Cancelled, _world.Store.All.Single().Status);
    }

    [Fact]
    public async Task The_semester_list_for_a_group_shows_its_visits_and_the_export_command()
    {
        await ScheduleAsync();
        await _desk.SayAsync("การนิเทศของฉัน");

        await _desk.PressAsync(VisitVerbs.Semester);

        var card = Text(_desk.Card!);
        Assert.Contains("กลุ่มโรงเรียนที่ 1 ภาคเรียนที่ 2/2569", card);
        Assert.Contains("24 พฤศจิกายน 2569 09:00–11:00 · โรงเรียนริมน้ำวิทยา · นัดหมายแล้ว", card);
        Assert.Contains("dotnet run --project Bot -- visits export --supervisor niramon.s@area.example.go.th --group 1 --semester 2569-2", card);
    }

    /// <summary>Presses the n-th button with the verb (e.g. the second week button, “next week”).</summary>
    private static Task<TurnResult> PressAsync(FormDesk desk, string verb, int occurrence) =>
        desk.ActAsync(verb, FormDesk.Button(desk.Card!, verb, occurrence));

    private static IEnumerable<T> CardTreeInputs<T>(AdaptiveCard card) where T : CardInput => CardTree.Inputs(card).OfType<T>();

    private static string? Value(CardInput input) => input switch
    {
        TextInput t => t.Value,
        DateInput d => d.Value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimeInput t => t.Value,
        ChoiceSetInput c => c.Value,
        _ => null,
    };
}
