using System.Globalization;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// A campaign's place in the shared schedule: its close, due when the close date ends, and its
/// reminders, each due the configured days after opening, moved into working hours, dropped when
/// they would come after the close.
/// </summary>
public sealed class CampaignJobs(IJobSchedule schedule, WorkingHours hours, CampaignPolicy policy, TimeProvider time)
{
    public const string CloseKind = "campaign-close";
    public const string ReminderKind = "campaign-reminder";

    public async Task PlanAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        await ScheduleCloseAsync(campaign, campaign.ClosesAtUtc, cancellationToken);
        var now = time.GetUtcNow();
        for (var number = 1; number <= policy.ReminderDays.Count; number++)
        {
            var due = hours.NextWorkingMoment(campaign.OpenedUtc.AddDays(policy.ReminderDays[number - 1]));
            // Past reminders have run (or been skipped); scheduling one again would send it twice over an extension.
            if (due > now && due < campaign.ClosesAtUtc)
            {
                await schedule.ScheduleAsync(new ScheduledJob(ReminderKind, ReminderId(campaign.Id, number), due, campaign.Id), cancellationToken);
            }
        }
    }

    /// <summary>Closing now goes through the same job as closing by date, so the summaries are sent from one place.</summary>
    public Task ScheduleCloseAsync(Campaign campaign, DateTimeOffset dueUtc, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(new ScheduledJob(CloseKind, campaign.Id, dueUtc, campaign.Id), cancellationToken);

    public async Task CancelRemindersAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        for (var number = 1; number <= policy.ReminderDays.Count; number++)
        {
            await schedule.CancelAsync(ReminderKind, ReminderId(campaign.Id, number), cancellationToken);
        }
    }

    public Task RescheduleReminderAsync(ScheduledJob job, DateTimeOffset dueUtc, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(job with { DueAt = dueUtc }, cancellationToken);

    public static string ReminderId(string campaignId, int number) => string.Create(CultureInfo.InvariantCulture, $"{campaignId}.r{number}");

    public static int ReminderNumber(ScheduledJob job) =>
        int.Parse(job.Id[(job.Id.LastIndexOf(".r", StringComparison.Ordinal) + 2)..], NumberStyles.None, CultureInfo.InvariantCulture);
}
