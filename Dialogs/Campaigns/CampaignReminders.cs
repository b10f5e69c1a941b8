using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// Reminds those who have not answered, inside Bangkok working hours: a reminder falling due at
/// night, at a weekend or on a holiday moves to the next working morning. Who has answered an
/// anonymous form is asked of the respondent registry person by person; nothing new is stored.
/// </summary>
public sealed class CampaignReminders(
    ICampaignStore store,
    FormCatalogue catalogue,
    IRespondentRegistry respondents,
    IUserPreferences preferences,
    IOutbox outbox,
    WorkingHours hours,
    CampaignJobs jobs) : IJobHandler
{
    public string Kind => CampaignJobs.ReminderKind;

    public async Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(job.Payload, cancellationToken) is not { Campaign: { Status: CampaignStatus.Open } campaign }
            || catalogue.Find(campaign.FormId) is not { } form)
        {
            return JobOutcome.Done;
        }
        var next = hours.NextWorkingMoment(now);
        if (next != now)
        {
            if (next < campaign.ClosesAtUtc)
            {
                await jobs.RescheduleReminderAsync(job, next, cancellationToken);
            }
            return JobOutcome.Done;
        }
        if (now >= campaign.ClosesAtUtc)
        {
            return JobOutcome.TooLate;
        }
        var number = CampaignJobs.ReminderNumber(job);
        var reminders = new List<OutboxMessage>();
        foreach (var stored in await store.RecipientsAsync(campaign.Id, cancellationToken))
        {
            var recipient = stored.Recipient;
            if (recipient.AadObjectId is not { } aad || recipient.Status == RecipientStatus.Submitted
                || (campaign.Anonymous && await respondents.HasRespondedAsync(form.Id, form.Version, aad, cancellationToken)))
            {
                continue;
            }
            // Someone the form was never for (their role may not fill it) is not nagged about it.
            if (recipient.Status == RecipientStatus.Failed && recipient.Reason == CampaignLauncher.MayNotFillReason)
            {
                continue;
            }
            var language = await preferences.GetLanguageAsync(aad, cancellationToken) ?? Language.Thai;
            reminders.Add(InvitationCards.Reminder(campaign, form, aad, language, number));
        }
        await outbox.EnqueueAsync(reminders, cancellationToken);
        return JobOutcome.Done;
    }
}
