using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// A visit's jobs in the durable schedule: one reminder per configured offset and, at the end of its
/// time window, the check that marks it missed when no checklist came. Job ids are made from the
/// visit id (and the offset), so planning again moves the same jobs instead of adding more.
/// </summary>
public sealed class VisitReminders(IJobSchedule schedule, SchoolCalendar calendar, VisitRemindersSettings settings) : IVisitReminders
{
    public const string ReminderKind = "visit-reminder";
    public const string MissedKind = "visit-missed";

    private const string VisitKey = "visit";
    private const string OffsetKey = "offset";

    public static string ReminderId(string visitId, ReminderOffset offset) => visitId + "/" + offset;

    public async Task PlanAsync(Visit visit, CancellationToken cancellationToken)
    {
        if (!visit.IsOpen)
        {
            await DropAsync(visit, cancellationToken);
            return;
        }
        foreach (var offset in settings.Offsets)
        {
            await PlanOnceAsync(new ScheduledJob(ReminderKind, ReminderId(visit.Id, offset), offset.DueFor(visit.StartUtc, calendar), Payload(visit.Id, offset)), cancellationToken);
        }
        await PlanOnceAsync(new ScheduledJob(MissedKind, visit.Id, visit.EndUtc, Payload(visit.Id, null)), cancellationToken);
    }

    public async Task DropAsync(Visit visit, CancellationToken cancellationToken)
    {
        foreach (var offset in settings.Offsets)
        {
            await schedule.CancelAsync(ReminderKind, ReminderId(visit.Id, offset), cancellationToken);
        }
        await schedule.CancelAsync(MissedKind, visit.Id, cancellationToken);
    }

    /// <summary>
    /// A job that already ran for the same moment is left alone: planning a visit again (a repeated
    /// import, a retry) must not send its reminders again. One whose moment changed runs again.
    /// </summary>
    private async Task PlanOnceAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (await schedule.GetStatusAsync(job.Kind, job.Id, cancellationToken) is { State: JobState.Done or JobState.TooLate } finished
            && finished.Job.DueAt == job.DueAt)
        {
            return;
        }
        await schedule.ScheduleAsync(job, cancellationToken);
    }

    private static string Payload(string visitId, ReminderOffset? offset)
    {
        var payload = new JsonObject { [VisitKey] = visitId };
        if (offset is not null)
        {
            payload[OffsetKey] = offset.ToString();
        }
        return payload.ToJsonString();
    }

    /// <summary>The visit a job is for and, for a reminder, its offset.</summary>
    public static (string VisitId, ReminderOffset? Offset) ReadPayload(ScheduledJob job)
    {
        var payload = JsonNode.Parse(job.Payload) as JsonObject
            ?? throw new FormatException($"Job {job.Kind}/{job.Id} has no payload object.");
        var visitId = (string?)payload[VisitKey] ?? throw new FormatException($"Job {job.Kind}/{job.Id} names no visit.");
        return (visitId, (string?)payload[OffsetKey] is { } offset ? ReminderOffset.Parse(offset) : null);
    }
}
