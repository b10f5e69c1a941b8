using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SupervisionBot.Bot.Visits;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.EndToEnd;
using static SupervisionBot.Tests.VisitReminders.VisitWorld;

namespace SupervisionBot.Tests.VisitReminders;

/// <summary>Visit reminders through the real durable schedule and visit store on Azurite, with a manual clock.</summary>
public sealed class VisitReminderTests
{
    private static readonly DateTimeOffset FridayNine = new(2026, 12, 11, 2, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Bangkok(int month, int day, int hour, int minute = 0) => new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    [Fact]
    public async Task Each_offset_is_one_job_due_on_a_working_day_and_the_missed_check_at_the_window_s_end()
    {
        var world = await CreateAsync("visitplan");
        await world.ScheduleAsync(NewVisit("v-fri"));
        // Tuesday 8 December: the day before is the substitute Father's Day holiday.
        await world.ScheduleAsync(NewVisit("v-tue", Bangkok(12, 8, 9)));

        Assert.Equal(Bangkok(12, 4, 8), await DueAsync(world, "v-fri", "7.00:00:00@08:00"));
        Assert.Equal(Bangkok(12, 9, 8), await DueAsync(world, "v-fri", "1.00:00:00@08:00")); // 10 Dec is Constitution Day
        Assert.Equal(Bangkok(12, 11, 7, 30), await DueAsync(world, "v-fri", "0@07:30"));
        Assert.Equal(Bangkok(12, 1, 8), await DueAsync(world, "v-tue", "7.00:00:00@08:00"));
        Assert.Equal(Bangkok(12, 4, 8), await DueAsync(world, "v-tue", "1.00:00:00@08:00")); // Mon 7 Dec off, then the weekend
        var missed = await world.Schedule.GetStatusAsync(Dialogs.Visits.VisitReminders.MissedKind, "v-fri", CancellationToken.None);
        Assert.Equal(FridayNine.AddHours(3), missed!.Job.DueAt);
    }

    [Fact]
    public async Task A_due_reminder_reaches_the_supervisor_director_and_contact_once_in_their_language_and_marks_the_visit_reminded()
    {
        var world = await CreateAsync("visitsend");
        await world.Languages.SetLanguageAsync(ContactId, Language.English, CancellationToken.None);
        await world.ScheduleAsync(NewVisit("v1"));

        world.Clock.Advance(Bangkok(12, 4, 8) - Start);
        Assert.Equal(1, await world.RunAsync());
        Assert.Equal(0, await world.RunAsync(world.NewInstance())); // nothing more is due

        Assert.Equal([ContactId, DirectorId, SupervisorId], world.Outbox.Queued.Select(m => m.Recipient).Order());
        Assert.All(world.Outbox.Queued, m => Assert.Equal(("visit-reminder-2026-12", "v1/7.00:00:00@08:00", OutboxMessageKind.PersonalChat), (m.Purpose, m.MessageKey, m.Kind)));
        var supervisorCard = CardOf(world.Outbox.To(SupervisorId).Single());
        var text = PlaygroundFixture.CardText(supervisorCard);
        Assert.Contains("11 ธันวาคม 2569", text);
        Assert.Contains("09:00–12:00 น.", text);
        Assert.Contains("โรงเรียนสาธิตทดลอง", text);
        Assert.Contains("แบบนิเทศติดตามผลการดำเนินงานระบบการประกันคุณภาพภายในของสถานศึกษา", text);
        Assert.Equal(["form.start", "visit.reschedule", "visit.cancel"], Verbs(supervisorCard));
        Assert.Empty(Verbs(CardOf(world.Outbox.To(DirectorId).Single())));
        Assert.Contains("11 December 2026", PlaygroundFixture.CardText(CardOf(world.Outbox.To(ContactId).Single())));
        Assert.Equal(VisitStatus.Reminded, await world.StatusAsync("v1"));
        Assert.Equal(JobState.Done, await world.ReminderStateAsync("v1", "7.00:00:00@08:00"));
    }

    [Fact]
    public async Task The_start_button_opens_the_visit_s_checklist_with_the_school_filled_in_and_linked_to_the_visit()
    {
        var world = await CreateAsync("visitstart");
        await world.ScheduleAsync(NewVisit("v1"));
        world.Clock.Advance(Bangkok(12, 9, 8) - Start);
        await world.RunAsync();

        var start = (JsonObject)Actions(CardOf(world.Outbox.To(SupervisorId).Single())).First()["data"]!;
        Assert.Equal("iqa-follow-up", (string?)start["formId"]);
        Assert.Equal("v1", (string?)start["link"]!["visit"]);
        Assert.Equal(SchoolCode, (string?)start["prefill"]!["school"]);
        Assert.Equal("1", (string?)start["prefill"]!["school-group"]);
        Assert.Equal("2026-12-11", (string?)start["prefill"]!["visit-date"]);
        Assert.Equal("onsite", (string?)start["prefill"]!["mode"]);
        var cancel = (JsonObject)Actions(CardOf(world.Outbox.To(SupervisorId).Single())).Last()["data"]!;
        Assert.Equal("v1", (string?)cancel["visitId"]);
    }

    [Fact]
    public async Task Someone_without_a_Teams_account_is_named_on_the_supervisor_s_card_rather_than_silently_left_out()
    {
        var world = await CreateAsync("visitunreached", contactHasAccount: false);
        await world.ScheduleAsync(NewVisit("v1"));
        world.Clock.Advance(Bangkok(12, 4, 8) - Start);
        await world.RunAsync();

        Assert.Equal([DirectorId, SupervisorId], world.Outbox.Queued.Select(m => m.Recipient).Order());
        Assert.Contains("มาลี รักเรียน", PlaygroundFixture.CardText(CardOf(world.Outbox.To(SupervisorId).Single())));
        Assert.DoesNotContain("มาลี รักเรียน", PlaygroundFixture.CardText(CardOf(world.Outbox.To(DirectorId).Single())));
    }

    [Fact]
    public async Task A_cancelled_or_moved_visit_sends_nothing_and_dropping_cancels_its_jobs()
    {
        var world = await CreateAsync("visitcancel");
        var cancelled = await world.ScheduleAsync(NewVisit("v-cancelled"));
        var moved = await world.ScheduleAsync(NewVisit("v-moved"));
        var dropped = await world.ScheduleAsync(NewVisit("v-dropped"));
        // Cancelled in the store only (as if the planner crashed before dropping its jobs): the handler still checks.
        var stored = await world.Visits.GetAsync(cancelled.Id, CancellationToken.None);
        Assert.True(await world.Visits.TryUpdateAsync(cancelled with { Status = VisitStatus.Cancelled }, stored!.ETag, CancellationToken.None));
        // Moved a week later: planned again, its jobs move with it.
        await world.Reminders.PlanAsync(moved with { StartUtc = moved.StartUtc.AddDays(7), EndUtc = moved.EndUtc.AddDays(7) }, CancellationToken.None);
        await world.Reminders.DropAsync(dropped, CancellationToken.None);

        world.Clock.Advance(Bangkok(12, 4, 8) - Start);
        await world.RunAsync();

        Assert.Empty(world.Outbox.Handed);
        Assert.Equal(JobState.Done, await world.ReminderStateAsync("v-cancelled", "7.00:00:00@08:00"));
        Assert.Equal(JobState.Pending, await world.ReminderStateAsync("v-moved", "7.00:00:00@08:00"));
        Assert.Equal(Bangkok(12, 11, 8), await DueAsync(world, "v-moved", "7.00:00:00@08:00"));
        Assert.Equal(JobState.Cancelled, await world.ReminderStateAsync("v-dropped", "7.00:00:00@08:00"));
        Assert.Equal(VisitStatus.Cancelled, await world.StatusAsync("v-cancelled"));
    }

    [Fact]
    public async Task After_downtime_only_what_still_helps_is_sent_and_the_rest_is_marked_too_late()
    {
        var world = await CreateAsync("visitdowntime");
        await world.ScheduleAsync(NewVisit("v-started"));
        await world.ScheduleAsync(NewVisit("v-next-week", FridayNine.AddDays(7)));

        // The bot is down from Sunday until Friday 11 December 10:00, an hour into the first visit.
        world.Clock.Advance(Bangkok(12, 11, 10) - Start);
        await world.RunAsync();

        // The visit under way: the week and day reminders are too late, the morning nudge still helps while its window is open.
        Assert.Equal(JobState.TooLate, await world.ReminderStateAsync("v-started", "7.00:00:00@08:00"));
        Assert.Equal(JobState.TooLate, await world.ReminderStateAsync("v-started", "1.00:00:00@08:00"));
        Assert.Equal(JobState.Done, await world.ReminderStateAsync("v-started", "0@07:30"));
        // Next week's visit: its week reminder is late but useful; nothing else is due yet.
        Assert.Equal(JobState.Done, await world.ReminderStateAsync("v-next-week", "7.00:00:00@08:00"));
        Assert.Equal(JobState.Pending, await world.ReminderStateAsync("v-next-week", "1.00:00:00@08:00"));
        Assert.Equal(["v-next-week/7.00:00:00@08:00", "v-started/00:00:00@07:30"], world.Outbox.To(SupervisorId).Select(m => m.MessageKey));

        // Down again past the window of next week's visit, which started and ended unattended.
        world.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(4));
        await world.RunAsync();
        Assert.Equal(JobState.TooLate, await world.ReminderStateAsync("v-next-week", "0@07:30"));
        Assert.Equal(VisitStatus.Missed, await world.StatusAsync("v-next-week"));
        Assert.Equal(VisitStatus.Missed, await world.StatusAsync("v-started"));
        Assert.Equal(2, world.Outbox.To(SupervisorId).Count);
    }

    [Fact]
    public async Task A_nearer_reminder_due_as_well_after_downtime_replaces_the_earlier_one()
    {
        var world = await CreateAsync("visitsuperseded");
        await world.ScheduleAsync(NewVisit("v1"));

        world.Clock.Advance(Bangkok(12, 9, 9) - Start);
        await world.RunAsync();

        Assert.Equal(JobState.TooLate, await world.ReminderStateAsync("v1", "7.00:00:00@08:00"));
        Assert.Equal(JobState.Done, await world.ReminderStateAsync("v1", "1.00:00:00@08:00"));
        Assert.Equal("v1/1.00:00:00@08:00", world.Outbox.To(SupervisorId).Single().MessageKey);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_schedule_sends_the_rest_once_even_when_a_run_died_after_queueing()
    {
        var world = await CreateAsync("visitrestart");
        await world.ScheduleAsync(NewVisit("v1"));
        await world.ScheduleAsync(NewVisit("v2", FridayNine.AddDays(3)));

        world.Clock.Advance(Bangkok(12, 4, 8) - Start);
        Assert.Equal(2, await world.RunAsync());
        // The next instance dies after handing the day-before reminder to the outbox, before marking the job done.
        world.Clock.Advance(Bangkok(12, 9, 8) - world.Clock.GetUtcNow());
        world.Outbox.FailAfterQueueing = 1;
        Assert.Equal(0, await world.RunAsync());
        // A restarted instance takes the job over once the dead one's lease has run out.
        world.Clock.Advance(new SupervisionBot.Bot.Scheduling.SchedulerOptions().Lease + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await world.RunAsync(world.NewInstance()));
        // Every later moment is met by yet another instance, as after a deployment.
        foreach (var moment in new[] { Bangkok(12, 11, 7, 30), Bangkok(12, 11, 8), Bangkok(12, 14, 7, 30) })
        {
            world.Clock.Advance(moment - world.Clock.GetUtcNow());
            await world.RunAsync(world.NewInstance());
        }

        var keys = world.Outbox.To(SupervisorId).Select(m => m.MessageKey).ToList();
        Assert.Equal(["v1/00:00:00@07:30", "v1/1.00:00:00@08:00", "v1/7.00:00:00@08:00", "v2/00:00:00@07:30", "v2/1.00:00:00@08:00", "v2/7.00:00:00@08:00"], keys);
        // Handed twice (the run that died and its retry), queued once.
        Assert.Equal(2, world.Outbox.Handed.Count(m => m.Recipient == SupervisorId && m.MessageKey == "v1/1.00:00:00@08:00"));
        Assert.Equal(6, world.Outbox.Queued.Count(m => m.Recipient == SupervisorId));
    }

    [Fact]
    public async Task Two_instances_at_once_send_every_reminder_once_and_miss_none()
    {
        var world = await CreateAsync("visittwo");
        var visits = Enumerable.Range(0, 12).Select(i => NewVisit($"v{i:D2}", FridayNine.AddMinutes(i))).ToList();
        await world.Visits.AddAsync(visits, CancellationToken.None);
        await Parallel.ForEachAsync(visits, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (v, ct) => await world.Reminders.PlanAsync(v, ct));
        var first = world.NewInstance();
        var second = world.NewInstance();

        foreach (var moment in new[] { Bangkok(12, 4, 8), Bangkok(12, 9, 8), Bangkok(12, 11, 7, 30) })
        {
            world.Clock.Advance(moment - world.Clock.GetUtcNow());
            await Task.WhenAll(Task.Run(() => world.RunAsync(first)), Task.Run(() => world.RunAsync(second)));
        }

        // 12 visits × 3 offsets × 3 people, each handed on exactly once.
        Assert.Equal(108, world.Outbox.Handed.Count);
        Assert.Equal(108, world.Outbox.Queued.Count);
        Assert.All(visits, v => Assert.Equal(3, world.Outbox.To(SupervisorId).Count(m => m.MessageKey.StartsWith(v.Id + "/", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Planning_a_visit_again_after_its_reminder_went_out_does_not_send_it_again()
    {
        var world = await CreateAsync("visitreplan");
        var visit = await world.ScheduleAsync(NewVisit("v1"));
        world.Clock.Advance(Bangkok(12, 4, 8) - Start);
        await world.RunAsync();

        await world.Reminders.PlanAsync(visit, CancellationToken.None);
        await world.RunAsync();

        Assert.Single(world.Outbox.Handed, m => m.Recipient == SupervisorId);
        Assert.Equal(JobState.Pending, await world.ReminderStateAsync("v1", "1.00:00:00@08:00"));
    }

    [Fact]
    public void One_configured_value_replaces_the_whole_list_and_a_bad_offset_is_refused_with_its_text()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Visits:Reminders:0"] = "7.00:00:00@08:00",
            ["Visits:Reminders:1"] = "0@07:30",
            ["Visits:Reminders"] = "00:01:00",
        }).Build();
        Assert.Equal(["00:01:00"], VisitReminderServices.ReadOffsets(configuration));
        var list = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Visits:Reminders:0"] = "0@07:30",
            ["Visits:Reminders:1"] = "7.00:00:00@08:00",
        }).Build();
        Assert.Equal(["7.00:00:00@08:00", "00:00:00@07:30"], new VisitRemindersSettings(VisitReminderServices.ReadOffsets(list)).Offsets.Select(o => o.ToString()));
        Assert.Equal(3, VisitRemindersSettings.Default.Offsets.Count);
        Assert.Contains("7 days", Assert.Throws<FormatException>(() => new VisitRemindersSettings(["7 days"])).Message);
    }

    private static async Task<DateTimeOffset> DueAsync(VisitWorld world, string visitId, string offset) =>
        (await world.Schedule.GetStatusAsync(Dialogs.Visits.VisitReminders.ReminderKind, Dialogs.Visits.VisitReminders.ReminderId(visitId, ReminderOffset.Parse(offset)), CancellationToken.None))!.Job.DueAt;

    internal static JsonObject CardOf(OutboxMessage message) => (JsonObject)JsonNode.Parse(message.CardJson!)!;

    internal static IEnumerable<JsonObject> Actions(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "ActionSet").SelectMany(e => e["actions"]!.AsArray().OfType<JsonObject>());

    private static List<string> Verbs(JsonObject card) => [.. Actions(card).Select(a => (string)a["verb"]!)];
}
