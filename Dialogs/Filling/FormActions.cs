using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// The buttons of a form card (Action.Execute, or Action.Submit on older clients) as a state machine
/// over the stored session. Every button carries the state version it was drawn from: an action on an
/// older version is a repeat (same fingerprint: answered with the current card) or a stale card (told
/// so, and refreshed), and never changes newer answers. Writes are conditional on the version read, so
/// two devices or two bot instances cannot both apply an action.
/// </summary>
public sealed class FormActions(
    FormCatalogue catalogue,
    FormValidator validator,
    SessionCards cards,
    FormSubmission submission,
    IFormSessionStore sessions,
    TimeProvider time)
{
    private const int MaxConcurrentRetries = 3;

    public async Task<TurnResult> HandleAsync(Turn turn, CardAction action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrentRetries; attempt++)
        {
            var stored = await sessions.GetAsync(turn.Conversation.ConversationId, turn.User.Id, cancellationToken);
            var outcome = await ApplyAsync(turn, action, stored, cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }
            // Lost a race with another device or instance: read again; the version check now sees what won.
        }
        throw new InvalidOperationException("The form session kept changing while an action was applied.");
    }

    /// <returns>Null when the write lost a race and the action must be tried again on fresh state.</returns>
    private async Task<TurnResult?> ApplyAsync(Turn turn, CardAction action, StoredSession? stored, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var data = action.Data;
        var cardSessionId = FormActionData.Text(data, FormActionData.SessionId);

        if (stored is null || stored.Session.SessionId != cardSessionId)
        {
            return Replace(await submission.ClosedAsync(turn.User.AadObjectId ?? turn.User.Id, data, cardSessionId, language, cancellationToken));
        }
        var session = stored.Session;
        if (catalogue.Find(session.FormId) is not { } form)
        {
            return Replace(SessionCards.Notice(FillingTexts.ClosedTitle(language), FillingTexts.UnknownForm(language)));
        }

        var fingerprint = FormActionData.Fingerprint(action.Verb, data);
        if (FormActionData.Version(data) != session.StateVersion)
        {
            var current = Replace(await cards.CurrentAsync(session, form, language, cancellationToken));
            // A repeat of the action that made this state (double click, retry) just shows the state again.
            if (fingerprint != session.LastActionFingerprint)
            {
                current.Messages.Add(OutgoingMessage.Of(SessionCards.Notice(FillingTexts.StaleCardTitle(language), FillingTexts.StaleCard(language))));
            }
            return current;
        }

        switch (action.Verb)
        {
            case CardVerbs.FormBack:
                var pages = FormPages.Of(form, session.Answers);
                var back = session.InReview ? pages.Last : Math.Max(0, session.PageIndex - 1);
                return await SaveAndShowAsync(stored, Advance(session, fingerprint) with { InReview = false, PageIndex = back }, form, language, cancellationToken);

            case CardVerbs.FormNext or CardVerbs.FormReview:
                return await NextAsync(stored, form, data, fingerprint, language, cancellationToken);

            case CardVerbs.FormEdit:
                var sectionId = FormActionData.Text(data, FormActionData.Section);
                if (FormPages.Of(form, session.Answers).FirstOf(sectionId) is not { } first)
                {
                    return Replace(await cards.CurrentAsync(session, form, language, cancellationToken));
                }
                return await SaveAndShowAsync(stored, Advance(session, fingerprint) with { InReview = false, PageIndex = first, EditingSectionId = sectionId }, form, language, cancellationToken);

            case CardVerbs.FormSubmit when session.InReview:
                return await SubmitAsync(stored, form, language, cancellationToken);

            case CardVerbs.FormCancel:
                if (!await sessions.TryDeleteAsync(session, stored.ETag, cancellationToken))
                {
                    return null;
                }
                return Replace(SessionCards.Notice(FillingTexts.CancelledTitle(language), FillingTexts.Cancelled(language, form.Title.Get(language))));

            default:
                // A verb this state does not take (e.g. submit before review): show the state as it is.
                return Replace(await cards.CurrentAsync(session, form, language, cancellationToken));
        }
    }

    private async Task<TurnResult?> NextAsync(StoredSession stored, FormDefinition form, JsonObject data, string fingerprint, Language language, CancellationToken cancellationToken)
    {
        var session = stored.Session;
        var pages = FormPages.Of(form, session.Answers);
        var index = pages.Clamp(session.PageIndex);
        var page = pages[index];
        var section = form.FindSection(page.SectionId)!;
        var pageKeys = AnswerKeys.Of(page.Items).ToHashSet(StringComparer.Ordinal);

        // The validator judges a whole section: give it this section's stored answers, overlaid with this page's inputs.
        var submitted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in AnswerKeys.Of(section.Items))
        {
            submitted[key] = pageKeys.Contains(key) ? FormActionData.Text(data, key) : session.Answers.Get(key);
        }
        var validation = await validator.ValidateSectionAsync(form, section.Id, submitted, session.Answers, language, cancellationToken);
        var pageErrors = validation.Errors.Where(e => pageKeys.Contains(e.Key)).ToList();
        if (pageErrors.Count > 0)
        {
            // Shown again exactly as typed, with each problem under its field; nothing is stored.
            var shown = pageErrors.Aggregate(validation.Answers, (answers, error) => answers.With(error.Key, submitted.GetValueOrDefault(error.Key)));
            return Replace(await cards.PageAsync(session, form, pages, index, shown, pageErrors, language, cancellationToken));
        }

        var answers = validation.Answers;
        var nextPages = FormPages.Of(form, answers);
        var nextIndex = index + 1;
        var finishedEdit = session.EditingSectionId is { } editing && (nextIndex >= nextPages.Count || nextPages[nextIndex].SectionId != editing);
        var next = Advance(session, fingerprint) with { Answers = answers };
        next = nextIndex >= nextPages.Count || finishedEdit
            ? next with { InReview = true, EditingSectionId = null }
            : next with { PageIndex = nextIndex };
        return await SaveAndShowAsync(stored, next, form, language, cancellationToken);
    }

    private async Task<TurnResult?> SubmitAsync(StoredSession stored, FormDefinition form, Language language, CancellationToken cancellationToken)
    {
        var session = stored.Session;
        var check = await submission.CheckAsync(form, session.Answers, language, cancellationToken);
        if (check.IsValid)
        {
            return Replace(await submission.SubmitAsync(stored, form, check.Answers, language, cancellationToken));
        }

        // Back to the first page of the section that failed, its problems named under their questions.
        var pages = FormPages.Of(form, check.Answers);
        var index = pages.FirstOf(check.FailedSectionId) ?? 0;
        var back = Advance(session, null) with { InReview = false, PageIndex = index };
        if (!await sessions.TryWriteAsync(back, stored.ETag, cancellationToken))
        {
            return null;
        }
        var errorKeys = AnswerKeys.Of(pages[index].Items).ToHashSet(StringComparer.Ordinal);
        return Replace(await cards.PageAsync(back, form, pages, index, check.Answers, [.. check.Errors.Where(e => errorKeys.Contains(e.Key))], language, cancellationToken));
    }

    private async Task<TurnResult?> SaveAndShowAsync(StoredSession stored, FormSession next, FormDefinition form, Language language, CancellationToken cancellationToken)
    {
        if (!await sessions.TryWriteAsync(next, stored.ETag, cancellationToken))
        {
            return null;
        }
        return Replace(await cards.CurrentAsync(next, form, language, cancellationToken));
    }

    private FormSession Advance(FormSession session, string? fingerprint) => session with
    {
        StateVersion = session.StateVersion + 1,
        LastActivityAt = time.GetUtcNow(),
        ReminderSentAt = null,
        LastActionFingerprint = fingerprint,
    };

    private static TurnResult Replace(AdaptiveCard card) => new() { UpdatedCard = card };
}
