using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// Follows a visit's checklist: started by the visit's supervisor, the visit is in progress; their
/// response stored, it is completed, the visit's teachers are invited to the (anonymous) satisfaction
/// form linked to the visit, and the school director gets the visit report. A link names a visit but
/// the client can forge it, so only the visit's own checklist from the visit's own supervisor counts.
/// </summary>
public sealed class VisitCompletion(
    IVisitStore visits,
    IOfficeDirectorySource directory,
    IUserPreferences preferences,
    IOutbox outbox,
    FormCatalogue catalogue) : IFormProgress
{
    public const string SatisfactionFormId = "supervision-satisfaction";
    public const string SatisfactionPurpose = "visit-satisfaction";
    public const string ReportPurpose = "visit-report";

    public async Task StartedAsync(FormSession session, CancellationToken cancellationToken)
    {
        if (await ChecklistVisitAsync(session.Link, session.FormId, session.RespondentKey, cancellationToken) is not { } visit)
        {
            return;
        }
        await VisitStatusUpdate.ApplyAsync(visits, visit.Id,
            v => v.Status is VisitStatus.Scheduled or VisitStatus.Reminded ? v with { Status = VisitStatus.InProgress } : null, cancellationToken);
    }

    public async Task SubmittedAsync(FormResponse response, string? respondentKey, CancellationToken cancellationToken)
    {
        if (respondentKey is null || await ChecklistVisitAsync(response.Link, response.FormId, respondentKey, cancellationToken) is not { } visit)
        {
            return;
        }
        // A checklist submitted after the window closed still completes the visit: it did take place.
        var completed = await VisitStatusUpdate.ApplyAsync(visits, visit.Id,
            v => v.IsOpen || v.Status == VisitStatus.Missed ? v with { Status = VisitStatus.Completed } : null, cancellationToken);
        if (completed?.Status != VisitStatus.Completed)
        {
            return;
        }
        // Sent on every call, not only the first: a submit retried after a crash still sends what was
        // not sent, and the outbox's keys (the visit id) keep anyone from getting it twice.
        var current = await directory.CurrentAsync(cancellationToken);
        var school = current.School(completed.SchoolCode);
        var messages = new List<OutboxMessage>();
        foreach (var teacher in completed.TeacherEmails.Select(current.PersonByEmail))
        {
            if (teacher?.AadObjectId is { } teacherId)
            {
                messages.Add(await InvitationAsync(completed, teacherId, school, cancellationToken));
            }
        }
        if (school?.DirectorEmail is { } directorEmail && current.PersonByEmail(directorEmail)?.AadObjectId is { } directorId
            && catalogue.Find(response.FormId, response.FormVersion) is { } form)
        {
            var language = await LanguageOfAsync(directorId, cancellationToken);
            var supervisor = current.PersonByEmail(completed.SupervisorEmail)?.DisplayName ?? completed.SupervisorEmail;
            var card = VisitReportCard.Build(completed, form, response, school.Title(language), supervisor, language);
            messages.Add(OutboxMessage.ToPerson(ReportPurpose, directorId, completed.Id, card.FallbackText!, CardJson.Serialize(card)));
        }
        await outbox.EnqueueAsync(messages, cancellationToken);
    }

    /// <summary>The visit this form is the checklist of, when the person is its supervisor.</summary>
    private async Task<Visit?> ChecklistVisitAsync(FormLink link, string formId, string respondentKey, CancellationToken cancellationToken)
    {
        if (link.VisitId is not { } visitId || await visits.GetAsync(visitId, cancellationToken) is not { } stored
            || stored.Visit.ChecklistFormId != formId)
        {
            return null;
        }
        var supervisor = (await directory.CurrentAsync(cancellationToken)).PersonByEmail(stored.Visit.SupervisorEmail);
        return supervisor?.AadObjectId is { } id && id.Equals(respondentKey, StringComparison.OrdinalIgnoreCase) ? stored.Visit : null;
    }

    /// <summary>
    /// The satisfaction form's start button carries the visit as its link: the stored (anonymous)
    /// answers then count for this visit and its supervisor without naming who gave them.
    /// </summary>
    private async Task<OutboxMessage> InvitationAsync(Visit visit, string teacherId, School? school, CancellationToken cancellationToken)
    {
        var language = await LanguageOfAsync(teacherId, cancellationToken);
        var start = new JsonObject
        {
            [FormActionData.FormId] = SatisfactionFormId,
            [FormActionData.Link] = FormActionData.LinkData(new FormLink(null, visit.Id)),
        };
        var card = MessageCard.Build(new MessageView(
            VisitCardTexts.SatisfactionTitle(language),
            VisitCardTexts.SatisfactionInvitation(language, school?.Title(language) ?? visit.SchoolCode, VisitCardTexts.DateOf(language, visit.StartUtc)),
            [new ButtonView(VisitCardTexts.Answer(language), CardVerbs.FormStart, start)]));
        return OutboxMessage.ToPerson(SatisfactionPurpose, teacherId, visit.Id, VisitCardTexts.SatisfactionTitle(language), CardJson.Serialize(card));
    }

    private async Task<Language> LanguageOfAsync(string aadObjectId, CancellationToken cancellationToken) =>
        await preferences.GetLanguageAsync(aadObjectId, cancellationToken) ?? Language.Thai;
}
