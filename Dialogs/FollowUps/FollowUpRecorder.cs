using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>When to remind an owner: a lead time before the due date's morning, as <see cref="ReminderOffset"/> writes it.</summary>
public sealed class FollowUpOptions
{
    public string RemindBefore { get; set; } = "3.00:00:00@08:00";
}

/// <summary>
/// The Act of PDCA, started as each response is stored: a visit's recommendations and a meeting's
/// follow-ups become actions with owners and due dates, each with a reminder on the schedule, and a
/// meeting record goes to its group's chair and channel in brief.
/// </summary>
public sealed class FollowUpRecorder(
    FormCatalogue catalogue,
    IOfficeDirectorySource directory,
    IFollowUpStore store,
    IJobSchedule schedule,
    FollowUpNotices notices,
    SchoolCalendar calendar,
    FollowUpOptions options,
    TimeProvider time) : IFormProgress
{
    public const string ReminderJob = "follow-up-reminder";

    private readonly ReminderOffset _remindBefore = ReminderOffset.Parse(options.RemindBefore);

    public Task StartedAsync(FormSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SubmittedAsync(FormResponse response, string? respondentKey, CancellationToken cancellationToken)
    {
        // Anonymous forms name no owner and no school: there is nothing to follow up by name.
        if (respondentKey is null || catalogue.Find(response.FormId) is not { } form)
        {
            return;
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var actions = FollowUpExtraction.From(form, response, office);
        if (actions.Count > 0)
        {
            await store.AddAsync(actions, cancellationToken);
            foreach (var action in actions)
            {
                await schedule.ScheduleAsync(new ScheduledJob(ReminderJob, action.Id, ReminderAt(action), action.Scope.Key), cancellationToken);
            }
        }
        if (form.Kind == FormKind.GroupMeeting && FollowUpExtraction.MeetingOf(response) is { } meeting)
        {
            await store.RecordMeetingAsync(meeting.Group, meeting.Term, response.ReferenceNumber, cancellationToken);
            await SendMeetingSummaryAsync(response, meeting.Group, actions, office, cancellationToken);
        }
    }

    private async Task SendMeetingSummaryAsync(FormResponse response, int groupNumber, IReadOnlyList<FollowUpAction> actions, OfficeDirectory office, CancellationToken cancellationToken)
    {
        if (office.Group(groupNumber) is not { } group)
        {
            return;
        }
        var key = response.ReferenceNumber;
        if (group.ChairEmail is { } chairEmail && office.PersonByEmail(chairEmail) is { } chair)
        {
            await notices.ToPersonAsync(chair, FollowUpNotices.MeetingSummaryPurpose, key,
                language => FollowUpCards.MeetingSummary(response, group.Title(language), actions, language), cancellationToken);
        }
        await notices.ToChannelAsync(group, FollowUpNotices.MeetingSummaryPurpose, key,
            language => FollowUpCards.MeetingSummary(response, group.Title(language), actions, language), cancellationToken);
    }

    /// <summary>Before the due date by the configured lead, on a working day; an action already that close is reminded now.</summary>
    private DateTimeOffset ReminderAt(FollowUpAction action)
    {
        var dueMorning = new DateTimeOffset(action.DueDate.ToDateTime(new TimeOnly(8, 0)), ThaiDates.Bangkok.BaseUtcOffset);
        var at = _remindBefore.DueFor(dueMorning, calendar);
        var now = time.GetUtcNow();
        return at < now ? now : at;
    }
}
