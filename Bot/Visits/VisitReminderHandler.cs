using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bot.Visits;

/// <summary>
/// Sends a due visit reminder to the supervisor and to the school's director and contact person.
/// It reads the visit again first: a visit cancelled, moved or done since it was planned gets
/// nothing. Messages go to the outbox under the reminder's id, so a job run twice (a crash before it
/// was marked done) sends nothing twice.
/// </summary>
public sealed class VisitReminderHandler(
    IVisitStore visits,
    IOfficeDirectorySource directory,
    IUserPreferences preferences,
    IOutbox outbox,
    FormCatalogue catalogue,
    SchoolCalendar calendar,
    VisitRemindersSettings settings,
    ILogger<VisitReminderHandler> logger) : IJobHandler
{
    public string Kind => VisitReminders.ReminderKind;

    public async Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (visitId, offset) = VisitReminders.ReadPayload(job);
        if (offset is null || await visits.GetAsync(visitId, cancellationToken) is not { Visit: { IsOpen: true } visit })
        {
            return JobOutcome.Done;
        }
        if (IsTooLate(visit, offset, now))
        {
            logger.LogInformation("Visit reminder {Job} is too late: visit {Visit} started at {Start}", job.Id, visit.Id, visit.StartUtc);
            return JobOutcome.TooLate;
        }

        await outbox.EnqueueAsync(await MessagesAsync(visit, job.Id, cancellationToken), cancellationToken);
        await VisitStatusUpdate.ApplyAsync(visits, visit.Id,
            v => v.Status == VisitStatus.Scheduled ? v with { Status = VisitStatus.Reminded } : null, cancellationToken);
        return JobOutcome.Done;
    }

    /// <summary>
    /// A reminder is for getting ready, so once the visit has started it is too late, except a nudge
    /// under a day ahead, which still helps while the visit's window is open. After downtime, when a
    /// nearer reminder of the same visit is due as well, only that one goes: two at once say nothing more.
    /// </summary>
    private bool IsTooLate(Visit visit, ReminderOffset offset, DateTimeOffset now)
    {
        var nudge = offset.Lead < TimeSpan.FromDays(1);
        if (now >= (nudge ? visit.EndUtc : visit.StartUtc))
        {
            return true;
        }
        return settings.Offsets.Any(o => o.Lead < offset.Lead && o.DueFor(visit.StartUtc, calendar) <= now);
    }

    private async Task<List<OutboxMessage>> MessagesAsync(Visit visit, string messageKey, CancellationToken cancellationToken)
    {
        var current = await directory.CurrentAsync(cancellationToken);
        var school = current.School(visit.SchoolCode);
        if (school is null)
        {
            logger.LogWarning("Visit {Visit}: school {School} is not in the directory; only the supervisor is reminded", visit.Id, visit.SchoolCode);
        }
        var supervisor = current.PersonByEmail(visit.SupervisorEmail);
        var schoolPeople = new[] { school?.DirectorEmail, school?.ContactEmail }
            .OfType<string>()
            .Where(e => !e.Equals(visit.SupervisorEmail, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(e => (Email: e, Person: current.PersonByEmail(e)))
            .ToList();
        var unreached = schoolPeople.Where(p => p.Person?.AadObjectId is null).Select(p => p.Person?.DisplayName ?? p.Email).ToList();
        foreach (var email in schoolPeople.Where(p => p.Person?.AadObjectId is null).Select(p => p.Email))
        {
            logger.LogWarning("Visit {Visit}: {Email} has no Teams (Entra) account in the directory and is not reminded", visit.Id, email);
        }

        var purpose = Purpose(visit);
        var messages = new List<OutboxMessage>();
        if (supervisor?.AadObjectId is { } supervisorId)
        {
            messages.Add(await MessageAsync(purpose, supervisorId, messageKey, visit, school, supervisor, forSupervisor: true, unreached, cancellationToken));
        }
        else
        {
            logger.LogWarning("Visit {Visit}: supervisor {Email} has no Teams (Entra) account in the directory and is not reminded", visit.Id, visit.SupervisorEmail);
        }
        foreach (var (_, person) in schoolPeople)
        {
            if (person?.AadObjectId is { } id)
            {
                messages.Add(await MessageAsync(purpose, id, messageKey, visit, school, supervisor, forSupervisor: false, [], cancellationToken));
            }
        }
        return messages;
    }

    private async Task<OutboxMessage> MessageAsync(string purpose, string aadObjectId, string messageKey, Visit visit, School? school, Person? supervisor,
        bool forSupervisor, IReadOnlyList<string> unreached, CancellationToken cancellationToken)
    {
        var language = await preferences.GetLanguageAsync(aadObjectId, cancellationToken) ?? Language.Thai;
        var card = VisitReminderCard.Build(new VisitReminderView(
            visit,
            school?.Title(language) ?? visit.SchoolCode,
            school?.GroupNumber,
            catalogue.Find(visit.ChecklistFormId)?.Title.Get(language) ?? visit.ChecklistFormId,
            supervisor?.DisplayName ?? visit.SupervisorEmail,
            forSupervisor,
            unreached), language);
        return OutboxMessage.ToPerson(purpose, aadObjectId, messageKey, card.FallbackText!, CardJson.Serialize(card));
    }

    /// <summary>Per month of the visit, so the outbox's counts and retries of one month's reminders stay apart.</summary>
    private static string Purpose(Visit visit) =>
        VisitReminders.ReminderKind + "-" + visit.BangkokDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
