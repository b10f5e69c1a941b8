using SupervisionBot.Bot.FollowUps;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.FollowUps.FollowUpFixtures;

namespace SupervisionBot.Tests.FollowUps;

/// <summary>The Act step against a real table: recorded from responses, reminded, counted, checked off.</summary>
public sealed class FollowUpFlowTests : IAsyncLifetime
{
    private SupervisionTables _tables = null!;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingOutbox _outbox = new();
    private readonly RecordingSchedule _schedule = new();

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(FollowUpFlowTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private TableFollowUpStore Store() => new(_tables);

    private FollowUpNotices Notices() => new(_outbox, new InMemoryPreferences());

    private FollowUpRecorder Recorder() =>
        new(FormCatalogue.LoadBuiltIn(), new FixedDirectory(Office), Store(), _schedule, Notices(), AreaCalendar, new FollowUpOptions(), _time);

    [Fact]
    public async Task A_meeting_record_becomes_actions_with_reminders_and_a_summary_for_the_chair_and_the_channel_once()
    {
        await Recorder().SubmittedAsync(Meeting(), "aad-chair", CancellationToken.None);
        await Recorder().SubmittedAsync(Meeting(), "aad-chair", CancellationToken.None);

        var actions = await Store().ListAsync(FollowUpScope.Group(2), CancellationToken.None);
        Assert.Equal(2, actions.Count);
        var reminders = _schedule.Jobs.Where(j => j.Kind == FollowUpRecorder.ReminderJob).OrderBy(j => j.Id).ToList();
        Assert.Equal(actions.Select(a => a.Id).Order(), reminders.Select(j => j.Id));
        // Three days before Tuesday 15 Dec 2569 is a Saturday: moved to Friday the 11th, 08:00 Bangkok.
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 1, 0, 0, TimeSpan.Zero), reminders[0].DueAt.ToUniversalTime());
        var summaries = _outbox.Messages.Where(m => m.Purpose == FollowUpNotices.MeetingSummaryPurpose).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Contains(summaries, m => m.Kind == OutboxMessageKind.PersonalChat && m.Recipient == "aad-chair");
        Assert.Contains(summaries, m => m.Kind == OutboxMessageKind.ChannelPost && m.Recipient == "19:group2@thread.tacv2");
        Assert.Contains("เห็นชอบแผนนิเทศภาคเรียนที่ 2", summaries[0].CardJson);
        Assert.Contains("จัดทำแผนพัฒนาครูด้านการวัดผล", summaries[0].CardJson);
        Assert.Equal(1, await Store().CountMeetingsAsync(2, new SchoolTerm(2569, 2), CancellationToken.None));
    }

    [Fact]
    public async Task A_reminder_goes_to_the_matched_owner_or_else_to_whoever_answers_for_the_scope_and_never_twice()
    {
        await Recorder().SubmittedAsync(Meeting("MTG-691124-REMIND"), "aad-chair", CancellationToken.None);
        var handler = new FollowUpReminderHandler(Store(), new FixedDirectory(Office), Notices());
        var jobs = _schedule.Jobs.Where(j => j.Kind == FollowUpRecorder.ReminderJob).OrderBy(j => j.Id).ToList();

        // Two instances running the same job at once (a lease that expired mid-run) still send once.
        await Task.WhenAll(jobs.Select(job => handler.HandleAsync(job, job.DueAt, CancellationToken.None))
            .Concat(jobs.Select(job => handler.HandleAsync(job, job.DueAt, CancellationToken.None))));

        var reminders = _outbox.Messages.Where(m => m.Purpose == FollowUpNotices.ReminderPurpose).OrderBy(m => m.MessageKey).ToList();
        Assert.Equal(["aad-director", "aad-chair"], reminders.Select(m => m.Recipient));
        Assert.Contains("ดำเนินการแล้ว", reminders[0].CardJson);
    }

    [Fact]
    public async Task A_done_action_is_not_reminded_and_only_one_of_two_people_checking_it_off_at_once_is_recorded()
    {
        await Recorder().SubmittedAsync(AdministrationVisit(), "aad-supervisor", CancellationToken.None);
        var scope = FollowUpScope.School(SchoolCode);
        var first = (await Store().ListAsync(scope, CancellationToken.None))[0];

        var marks = await Task.WhenAll(
            Store().MarkDoneAsync(scope, first.Id, "ผอ.", _time.GetUtcNow(), CancellationToken.None),
            Store().MarkDoneAsync(scope, first.Id, "ศน.", _time.GetUtcNow(), CancellationToken.None));
        var job = _schedule.Jobs.Single(j => j.Id == first.Id);
        await new FollowUpReminderHandler(Store(), new FixedDirectory(Office), Notices()).HandleAsync(job, job.DueAt, CancellationToken.None);

        Assert.Single(marks, m => m);
        var listed = await Store().ListAsync(scope, CancellationToken.None);
        Assert.Equal(FollowUpStatus.Done, listed[^1].Status);
        Assert.Equal(first.Id, listed[^1].Id);
        Assert.DoesNotContain(_outbox.Messages, m => m.Purpose == FollowUpNotices.ReminderPurpose);
    }

    [Fact]
    public async Task A_group_with_fewer_than_two_meetings_a_month_before_the_semester_ends_gets_a_reminder_to_its_chair()
    {
        var quota = new MeetingQuota(Store(), new FixedDirectory(Office), _schedule, Notices(), AreaCalendar, _time);
        Assert.True(await quota.PlanAsync(CancellationToken.None) > 0);
        var semester = AreaCalendar.Years.Single(y => y.BuddhistYear == 2569).Second;
        var job = _schedule.Jobs.Single(j => j.Kind == MeetingQuota.Job && j.Id == "2-2569-2");
        Assert.Equal(AreaCalendar.OnOrBeforeWorkingDay(semester.End.AddMonths(-1)), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(job.DueAt, ThaiDates.Bangkok).DateTime));
        await Store().RecordMeetingAsync(2, new SchoolTerm(2569, 2), "MTG-1", CancellationToken.None);

        Assert.Equal(JobOutcome.Done, await quota.HandleAsync(job, job.DueAt, CancellationToken.None));
        var reminder = Assert.Single(_outbox.Messages);
        Assert.Equal("aad-chair", reminder.Recipient);
        Assert.Contains("1 ครั้ง", reminder.CardJson);

        await Store().RecordMeetingAsync(2, new SchoolTerm(2569, 2), "MTG-2", CancellationToken.None);
        await Store().RecordMeetingAsync(2, new SchoolTerm(2569, 2), "MTG-2", CancellationToken.None);
        var second = new ScheduledJob(MeetingQuota.Job, "2-2569-2-again", job.DueAt, job.Payload);
        await quota.HandleAsync(second, job.DueAt, CancellationToken.None);
        Assert.Single(_outbox.Messages);
        Assert.Equal(2, await Store().CountMeetingsAsync(2, new SchoolTerm(2569, 2), CancellationToken.None));
        Assert.Equal(JobOutcome.TooLate, await quota.HandleAsync(job, new DateTimeOffset(semester.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), CancellationToken.None));
    }
}
