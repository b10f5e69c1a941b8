using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Tests.Visits;

public sealed class VisitPlannerTests
{
    private readonly VisitWorld _world = new();
    private static CancellationToken None => CancellationToken.None;

    private static string[] English(IEnumerable<LocalizedText> problems) => problems.Select(p => p.Get(Language.English)).ToArray();

    [Fact]
    public async Task A_supervisor_schedules_their_own_visit_in_bangkok_time_and_its_reminders_are_planned()
    {
        var result = await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None);

        Assert.Equal(PlanStatus.Scheduled, result.Status);
        var visit = Assert.Single(_world.Store.All);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), visit.StartUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero), visit.EndUtc);
        Assert.Equal(VisitStatus.Scheduled, visit.Status);
        Assert.Equal([visit.Id], _world.Reminders.Planned);

        var again = await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None);
        Assert.Equal(PlanStatus.AlreadyScheduled, again.Status);
        Assert.Single(_world.Store.All);
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_reported_and_nothing_is_stored()
    {
        var request = VisitWorld.Request(start: "11:00", end: "10:00") with
        {
            SchoolCode = "S9999",
            ChecklistFormId = "supervision-satisfaction",
            TeacherEmails = ["nobody@school-a.example.ac.th"],
        };

        var result = await _world.Planner.ScheduleAsync(request, VisitWorld.SupervisorActor, None);

        Assert.Equal(PlanStatus.Refused, result.Status);
        var problems = English(result.Problems);
        Assert.Contains("There is no school “S9999” in the directory", problems);
        Assert.Contains("The end time must be after the start time (on the same day)", problems);
        Assert.Contains(problems, p => p.StartsWith("“supervision-satisfaction” is not a visit checklist", StringComparison.Ordinal));
        Assert.Contains("There is no teacher “nobody@school-a.example.ac.th” in the directory", problems);
        Assert.Empty(_world.Store.All);
        Assert.Empty(_world.Reminders.Planned);
    }

    [Theory]
    [InlineData("2026-12-10", "10 December 2026 is a holiday (Constitution Day); choose a working day", "10 ธันวาคม 2569 เป็นวันหยุด (วันรัฐธรรมนูญ) โปรดเลือกวันทำการ")]
    [InlineData("2026-11-28", "28 November 2026 is a weekend; choose a working day", "28 พฤศจิกายน 2569 เป็นวันเสาร์หรืออาทิตย์ โปรดเลือกวันทำการ")]
    [InlineData("2026-11-19", "That date and time have already passed; choose a time ahead", "วันและเวลาที่เลือกผ่านไปแล้ว โปรดเลือกเวลาข้างหน้า")]
    public async Task Days_off_and_past_days_are_refused_by_name(string date, string english, string thai)
    {
        var result = await _world.Planner.ScheduleAsync(VisitWorld.Request(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), VisitWorld.SupervisorActor, None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(english, problem.En);
        Assert.Equal(thai, problem.Th);
    }

    [Fact]
    public async Task Only_a_supervisor_is_planned_for_and_only_an_admin_plans_for_someone_else()
    {
        var forColleague = await _world.Planner.ScheduleAsync(VisitWorld.Request(supervisor: VisitWorld.OtherSupervisor), VisitWorld.SupervisorActor, None);
        Assert.Equal(["You can schedule only your own visits; only an admin can schedule for another supervisor"], English(forColleague.Problems));

        var forTeacher = await _world.Planner.ScheduleAsync(VisitWorld.Request(supervisor: VisitWorld.Teacher), VisitWorld.As("it.admin@area.example.go.th", RespondentRole.Admin), None);
        Assert.Equal([$"“{VisitWorld.Teacher}” is not a supervisor in the directory"], English(forTeacher.Problems));

        var byAdmin = await _world.Planner.ScheduleAsync(VisitWorld.Request(supervisor: VisitWorld.OtherSupervisor), VisitWorld.As("it.admin@area.example.go.th", RespondentRole.Admin), None);
        Assert.Equal(PlanStatus.Scheduled, byAdmin.Status);
        Assert.Equal(VisitWorld.OtherSupervisor, byAdmin.Visit!.SupervisorEmail);
    }

    [Fact]
    public async Task A_teacher_of_another_school_is_refused()
    {
        var result = await _world.Planner.ScheduleAsync(VisitWorld.Request() with { TeacherEmails = ["kanya.m@school-c.example.ac.th"] }, VisitWorld.SupervisorActor, None);

        Assert.Equal(["Teacher “kanya.m@school-c.example.ac.th” is not at โรงเรียนริมน้ำวิทยา"], English(result.Problems));
    }

    [Fact]
    public async Task Cancel_closes_the_visit_and_drops_its_reminders_for_its_supervisor_or_an_admin_only()
    {
        var visit = (await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None)).Visit!;

        var byColleague = await _world.Planner.CancelAsync(visit.Id, VisitWorld.As(VisitWorld.OtherSupervisor, RespondentRole.Supervisor), None);
        Assert.Equal(ChangeStatus.NotYours, byColleague.Status);
        Assert.Equal("Sorry, only the visit's supervisor (นางนิรมล ใส่ใจ) or an admin can cancel or reschedule this visit. Please ask นางนิรมล ใส่ใจ.", Assert.Single(byColleague.Problems).En);
        Assert.Empty(_world.Reminders.Dropped);

        var byAdmin = await _world.Planner.CancelAsync(visit.Id, VisitWorld.As("it.admin@area.example.go.th", RespondentRole.Admin), None);
        Assert.Equal(ChangeStatus.Done, byAdmin.Status);
        Assert.Equal(VisitStatus.Cancelled, (await _world.Store.GetAsync(visit.Id, None))!.Visit.Status);
        Assert.Equal([visit.Id], _world.Reminders.Dropped);

        var again = await _world.Planner.CancelAsync(visit.Id, VisitWorld.SupervisorActor, None);
        Assert.Equal(ChangeStatus.NotOpen, again.Status);
        Assert.Equal(ChangeStatus.NotFound, (await _world.Planner.CancelAsync("v-unknown", VisitWorld.SupervisorActor, None)).Status);
    }

    [Fact]
    public async Task Reschedule_closes_the_old_visit_pointing_at_a_new_one_and_moves_the_reminders()
    {
        var old = (await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None)).Visit!;

        var result = await _world.Planner.RescheduleAsync(old.Id, new DateOnly(2026, 11, 26), new TimeOnly(13, 0), new TimeOnly(15, 30), VisitWorld.SupervisorActor, None);

        Assert.Equal(ChangeStatus.Done, result.Status);
        var replacement = result.Replacement!;
        var stored = (await _world.Store.GetAsync(old.Id, None))!.Visit;
        Assert.Equal(VisitStatus.Rescheduled, stored.Status);
        Assert.Equal(replacement.Id, stored.RescheduledAs);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), replacement.StartUtc);
        Assert.Equal((old.SchoolCode, old.ChecklistFormId, old.Purpose, old.Mode), (replacement.SchoolCode, replacement.ChecklistFormId, replacement.Purpose, replacement.Mode));
        Assert.Equal(old.TeacherEmails, replacement.TeacherEmails);
        Assert.Equal(VisitStatus.Scheduled, (await _world.Store.GetAsync(replacement.Id, None))!.Visit.Status);
        Assert.Equal([old.Id], _world.Reminders.Dropped);
        Assert.Equal([old.Id, replacement.Id], _world.Reminders.Planned);
    }

    [Fact]
    public async Task Reschedule_to_a_bad_time_or_by_someone_else_changes_nothing()
    {
        var old = (await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None)).Visit!;

        var holiday = await _world.Planner.RescheduleAsync(old.Id, new DateOnly(2026, 12, 7), new TimeOnly(9, 0), new TimeOnly(10, 0), VisitWorld.SupervisorActor, None);
        Assert.Equal(ChangeStatus.Refused, holiday.Status);
        Assert.Equal("7 December 2026 is a holiday (Father's Day (substitute)); choose a working day", Assert.Single(holiday.Problems).En);
        var teacher = await _world.Planner.RescheduleAsync(old.Id, new DateOnly(2026, 11, 26), new TimeOnly(9, 0), new TimeOnly(10, 0), VisitWorld.As(VisitWorld.Teacher, RespondentRole.Teacher), None);
        Assert.Equal(ChangeStatus.NotYours, teacher.Status);
        var same = await _world.Planner.RescheduleAsync(old.Id, new DateOnly(2026, 11, 24), new TimeOnly(9, 0), new TimeOnly(11, 0), VisitWorld.SupervisorActor, None);
        Assert.Equal(ChangeStatus.Refused, same.Status);

        Assert.Equal([old.Id], _world.Store.All.Select(v => v.Id));
        Assert.Equal(VisitStatus.Scheduled, _world.Store.All.Single().Status);
        Assert.Empty(_world.Reminders.Dropped);
    }

    [Fact]
    public async Task A_slot_freed_by_a_cancelled_visit_can_be_booked_again_under_a_new_id()
    {
        var first = (await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None)).Visit!;
        await _world.Planner.CancelAsync(first.Id, VisitWorld.SupervisorActor, None);

        var second = await _world.Planner.ScheduleAsync(VisitWorld.Request(), VisitWorld.SupervisorActor, None);

        Assert.Equal(PlanStatus.Scheduled, second.Status);
        Assert.Equal(first.Id + "-2", second.Visit!.Id);
    }
}
