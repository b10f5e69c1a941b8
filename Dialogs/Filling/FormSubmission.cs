using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// The end of a form: the final check of every section, the response stored once, the anonymous
/// "has responded" marker, and the receipt, also for a submit repeated after the form closed.
/// </summary>
public sealed class FormSubmission(
    FormCatalogue catalogue,
    FormValidator validator,
    IFormSessionStore sessions,
    IResponseStore responses,
    IRespondentRegistry respondents,
    TimeProvider time,
    IEnumerable<IFormProgress> progress)
{
    /// <summary>
    /// Each page was checked as it was filled, but an edit can change which items apply and the
    /// stored state is only as good as what was sent: checks the whole form once more.
    /// </summary>
    public async Task<SubmissionCheck> CheckAsync(FormDefinition form, FormAnswers answers, Language language, CancellationToken cancellationToken)
    {
        foreach (var section in form.Sections)
        {
            var submitted = AnswerKeys.Of(section.Items).ToDictionary(k => k, k => answers.Get(k), StringComparer.Ordinal);
            var validation = await validator.ValidateSectionAsync(form, section.Id, submitted, answers, language, cancellationToken);
            if (!validation.IsValid)
            {
                return new SubmissionCheck(answers, section.Id, validation.Errors);
            }
            answers = validation.Answers;
        }
        return new SubmissionCheck(answers, null, []);
    }

    /// <summary>Stores the checked answers and closes the session; the receipt is the card to show.</summary>
    public async Task<AdaptiveCard> SubmitAsync(StoredSession stored, FormDefinition form, FormAnswers checkedAnswers, Language language, CancellationToken cancellationToken)
    {
        var session = stored.Session;
        var response = new FormResponse(form.Id, form.Version, ReferenceNumbers.New(form, time.GetUtcNow()), checkedAnswers, time.GetUtcNow(),
            form.Settings.Anonymous ? null : session.RespondentKey) { Link = session.Link };
        // The session id is the submission's identity: a repeat of this submit finds the first response.
        var saved = await responses.SaveOnceAsync(session.SessionId, session.RespondentKey, response, cancellationToken);
        if (form.Settings.Anonymous)
        {
            await respondents.MarkRespondedAsync(form.Id, form.Version, session.RespondentKey, cancellationToken);
        }
        foreach (var observer in progress)
        {
            await observer.SubmittedAsync(saved with { Link = session.Link }, saved.Respondent, cancellationToken);
        }
        await sessions.TryDeleteAsync(session, stored.ETag, cancellationToken);
        return FormCardPresenter.ReceiptCard(form, saved, language);
    }

    /// <summary>
    /// A button pressed on a card whose session is gone: a repeated submit (retry, second device)
    /// shows the receipt it earned, to its owner only.
    /// </summary>
    public async Task<AdaptiveCard> ClosedAsync(string ownerKey, JsonObject data, string? cardSessionId, Language language, CancellationToken cancellationToken)
    {
        if (cardSessionId is not null && FormActionData.Text(data, FormActionData.FormId) is { } formId
            && catalogue.Find(formId) is { } form
            && await responses.FindReceiptAsync(ownerKey, formId, cardSessionId, cancellationToken) is { } response)
        {
            return FormCardPresenter.ReceiptCard(form, response, language);
        }
        return SessionCards.Notice(FillingTexts.ClosedTitle(language), FillingTexts.Closed(language));
    }
}

/// <summary>The final check: the answers as checked so far and, when a section fails, which one and why.</summary>
public sealed record SubmissionCheck(FormAnswers Answers, string? FailedSectionId, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => FailedSectionId is null;
}
