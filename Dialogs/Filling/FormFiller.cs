using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// Walks a user through a form, one card per page, keeping the card in the chat in step with the
/// stored state. Every button carries the state version it was drawn from: an action on an older
/// version is a repeat (same fingerprint: answered with the current card) or a stale card (told so,
/// and refreshed), and never changes newer answers. Writes are conditional on the version read, so
/// two devices or two bot instances cannot both apply an action.
/// </summary>
public sealed class FormFiller(
    FormCatalogue catalogue,
    FormCardPresenter presenter,
    FormValidator validator,
    IFormSessionStore sessions,
    IResponseStore responses,
    IRespondentRegistry respondents,
    TimeProvider time)
{
    private const int MaxConcurrentRetries = 3;

    public Task<StoredSession?> OpenSessionAsync(Turn turn, CancellationToken cancellationToken) =>
        sessions.GetAsync(turn.Conversation.ConversationId, turn.User.Id, cancellationToken);

    public FormDefinition? FormOf(FormSession session) => catalogue.Find(session.FormId);

    /// <summary>Starts <paramref name="form"/>, or brings back the user's open form.</summary>
    public async Task<TurnResult> StartAsync(Turn turn, FormDefinition form, FormAnswers prefill, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        for (var attempt = 0; attempt < MaxConcurrentRetries; attempt++)
        {
            var open = await OpenSessionAsync(turn, cancellationToken);
            if (open is not null)
            {
                if (open.Session.FormId == form.Id)
                {
                    return TurnResult.With(OutgoingMessage.Of(await CurrentCardAsync(open.Session, form, language, cancellationToken)));
                }
                return TurnResult.With(OutgoingMessage.Of(OtherFormOpenCard(open.Session, language)));
            }
            if (form.Settings.Anonymous && await respondents.HasRespondedAsync(form.Id, form.Version, turn.User.AadObjectId ?? turn.User.Id, cancellationToken))
            {
                return TurnResult.With(OutgoingMessage.Of(Notice(FillingTexts.AlreadyRespondedTitle(language), FillingTexts.AlreadyResponded(language, form.Title.Get(language)))));
            }

            var now = time.GetUtcNow();
            var session = new FormSession
            {
                SessionId = Guid.NewGuid().ToString("N"),
                ConversationId = turn.Conversation.ConversationId,
                UserId = turn.User.Id,
                UserAadObjectId = turn.User.AadObjectId,
                FormId = form.Id,
                FormVersion = form.Version,
                Answers = prefill,
                StateVersion = 1,
                StartedAt = now,
                LastActivityAt = now,
            };
            if (await sessions.TryWriteAsync(session, null, cancellationToken))
            {
                return TurnResult.With(OutgoingMessage.Of(await CurrentCardAsync(session, form, language, cancellationToken)));
            }
            // Another device started a form at the same moment: show whatever won.
        }
        throw new InvalidOperationException("The form session kept changing while it was being started.");
    }

    /// <summary>A button on one of our form cards (Action.Execute, or Action.Submit on older clients).</summary>
    public async Task<TurnResult> HandleActionAsync(Turn turn, CardAction action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConcurrentRetries; attempt++)
        {
            var stored = await OpenSessionAsync(turn, cancellationToken);
            var outcome = await ApplyAsync(turn, action, stored, cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }
            // Lost a race with another device or instance: read again; the version check now sees what won.
        }
        throw new InvalidOperationException("The form session kept changing while an action was applied.");
    }

    public async Task<TurnResult> ResumeAsync(Turn turn, CancellationToken cancellationToken)
    {
        var stored = await OpenSessionAsync(turn, cancellationToken);
        if (stored is null || FormOf(stored.Session) is not { } form)
        {
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.NothingOpen(turn.Language)));
        }
        return TurnResult.With(OutgoingMessage.Of(await CurrentCardAsync(stored.Session, form, turn.Language, cancellationToken)));
    }

    public async Task<TurnResult> StatusAsync(Turn turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var stored = await OpenSessionAsync(turn, cancellationToken);
        if (stored is null || FormOf(stored.Session) is not { } form)
        {
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.NothingOpen(language)));
        }
        var session = stored.Session;
        string where;
        if (session.InReview)
        {
            where = FillingTexts.InReview(language);
        }
        else
        {
            var pages = presenter.Pages(form, session.Answers);
            var page = pages[Math.Clamp(session.PageIndex, 0, pages.Count - 1)];
            where = CardStrings.For(language).SectionProgress(page.SectionNumber, page.SectionCount);
        }
        return TurnResult.With(OutgoingMessage.Of(FillingTexts.Status(language, form.Title.Get(language), where, ThaiDates.FormatDateTime(session.StartedAt, language))));
    }

    public async Task<TurnResult> CancelAsync(Turn turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var stored = await OpenSessionAsync(turn, cancellationToken);
        if (stored is null)
        {
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.NothingOpen(language)));
        }
        await sessions.TryDeleteAsync(stored.Session, stored.ETag, cancellationToken);
        var title = FormOf(stored.Session)?.Title.Get(language) ?? stored.Session.FormId;
        return TurnResult.With(OutgoingMessage.Of(FillingTexts.Cancelled(language, title)));
    }

    /// <returns>Null when the write lost a race and the action must be tried again on fresh state.</returns>
    private async Task<TurnResult?> ApplyAsync(Turn turn, CardAction action, StoredSession? stored, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var data = action.Data;
        var cardSessionId = FormActionData.Text(data, FormActionData.SessionId);

        if (stored is null || stored.Session.SessionId != cardSessionId)
        {
            return await ClosedFormAsync(turn, data, cardSessionId, cancellationToken);
        }
        var session = stored.Session;
        if (FormOf(session) is not { } form)
        {
            return Replace(Notice(FillingTexts.ClosedTitle(language), FillingTexts.UnknownForm(language)));
        }

        var fingerprint = FormActionData.Fingerprint(action.Verb, data);
        if (FormActionData.Version(data) != session.StateVersion)
        {
            var current = await CurrentCardAsync(session, form, language, cancellationToken);
            // A repeat of the action that made this state (double click, retry) just shows the state again.
            if (fingerprint == session.LastActionFingerprint)
            {
                return Replace(current);
            }
            var stale = Replace(current);
            stale.Messages.Add(OutgoingMessage.Of(Notice(FillingTexts.StaleCardTitle(language), FillingTexts.StaleCard(language))));
            return stale;
        }

        switch (action.Verb)
        {
            case CardVerbs.FormBack:
                return await SaveAndShowAsync(stored, Advance(session, fingerprint) with { InReview = false, PageIndex = session.InReview ? LastPage(form, session) : Math.Max(0, session.PageIndex - 1) }, form, language, cancellationToken);

            case CardVerbs.FormNext or CardVerbs.FormReview:
                return await NextAsync(stored, form, data, fingerprint, language, cancellationToken);

            case CardVerbs.FormEdit:
                var sectionId = FormActionData.Text(data, FormActionData.Section);
                var pages = presenter.Pages(form, session.Answers);
                var first = pages.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.SectionId == sectionId);
                if (first.p is null)
                {
                    return Replace(await CurrentCardAsync(session, form, language, cancellationToken));
                }
                return await SaveAndShowAsync(stored, Advance(session, fingerprint) with { InReview = false, PageIndex = first.i, EditingSectionId = sectionId }, form, language, cancellationToken);

            case CardVerbs.FormSubmit when session.InReview:
                return await SubmitAsync(stored, form, language, cancellationToken);

            case CardVerbs.FormCancel:
                if (!await sessions.TryDeleteAsync(session, stored.ETag, cancellationToken))
                {
                    return null;
                }
                return Replace(Notice(FillingTexts.CancelledTitle(language), FillingTexts.Cancelled(language, form.Title.Get(language))));

            default:
                // A verb this state does not take (e.g. submit before review): show the state as it is.
                return Replace(await CurrentCardAsync(session, form, language, cancellationToken));
        }
    }

    private async Task<TurnResult?> NextAsync(StoredSession stored, FormDefinition form, JsonObject data, string fingerprint, Language language, CancellationToken cancellationToken)
    {
        var session = stored.Session;
        var pages = presenter.Pages(form, session.Answers);
        var index = Math.Clamp(session.PageIndex, 0, pages.Count - 1);
        var page = pages[index];
        var section = form.FindSection(page.SectionId)!;
        var pageKeys = KeysOf(page.Items).ToHashSet(StringComparer.Ordinal);

        // The validator judges a whole section: give it this section's stored answers, overlaid with this page's inputs.
        var submitted = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in KeysOf(section.Items))
        {
            submitted[key] = pageKeys.Contains(key) ? FormActionData.Text(data, key) : session.Answers.Get(key);
        }
        var validation = await validator.ValidateSectionAsync(form, section.Id, submitted, session.Answers, language, cancellationToken);
        var pageErrors = validation.Errors.Where(e => pageKeys.Contains(e.Key)).ToList();
        if (pageErrors.Count > 0)
        {
            // Shown again exactly as typed, with each problem under its field; nothing is stored.
            var shown = pageErrors.Aggregate(validation.Answers, (answers, error) => answers.With(error.Key, submitted.GetValueOrDefault(error.Key)));
            var card = await presenter.PageCardAsync(form, page, shown, pageErrors, language, FormActionData.For(session), index == 0, index == pages.Count - 1, cancellationToken);
            return Replace(card);
        }

        var answers = validation.Answers;
        var nextPages = presenter.Pages(form, answers);
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
        // Each page was checked as it was filled, but an edit can change which items apply and the
        // stored state is only as good as what was sent: check the whole form once more.
        var answers = session.Answers;
        foreach (var section in form.Sections)
        {
            var submitted = KeysOf(section.Items).ToDictionary(k => k, k => answers.Get(k), StringComparer.Ordinal);
            var validation = await validator.ValidateSectionAsync(form, section.Id, submitted, answers, language, cancellationToken);
            if (!validation.IsValid)
            {
                var pages = presenter.Pages(form, answers);
                var index = Math.Max(0, pages.ToList().FindIndex(p => p.SectionId == section.Id));
                var back = Advance(session, null) with { InReview = false, PageIndex = index };
                if (!await sessions.TryWriteAsync(back, stored.ETag, cancellationToken))
                {
                    return null;
                }
                var errorKeys = KeysOf(pages[index].Items).ToHashSet(StringComparer.Ordinal);
                var card = await presenter.PageCardAsync(form, pages[index], answers, validation.Errors.Where(e => errorKeys.Contains(e.Key)).ToList(),
                    language, FormActionData.For(back), index == 0, index == pages.Count - 1, cancellationToken);
                return Replace(card);
            }
            answers = validation.Answers;
        }

        var response = new FormResponse(form.Id, form.Version, ReferenceNumbers.New(form, time.GetUtcNow()), answers, time.GetUtcNow(),
            form.Settings.Anonymous ? null : session.RespondentKey);
        // The session id is the submission's identity: a repeat of this submit finds the first response.
        var saved = await responses.SaveOnceAsync(session.SessionId, session.RespondentKey, response, cancellationToken);
        if (form.Settings.Anonymous)
        {
            await respondents.MarkRespondedAsync(form.Id, form.Version, session.RespondentKey, cancellationToken);
        }
        await sessions.TryDeleteAsync(session, stored.ETag, cancellationToken);
        return Replace(presenter.ReceiptCard(form, saved, language));
    }

    private async Task<TurnResult> ClosedFormAsync(Turn turn, JsonObject data, string? cardSessionId, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        // A submit repeated after the form closed (retry, second device) shows the receipt it earned, to its owner only.
        if (cardSessionId is not null && FormActionData.Text(data, FormActionData.FormId) is { } formId
            && catalogue.Find(formId) is { } form
            && await responses.FindReceiptAsync(turn.User.AadObjectId ?? turn.User.Id, formId, cardSessionId, cancellationToken) is { } response)
        {
            return Replace(presenter.ReceiptCard(form, response, language));
        }
        return Replace(Notice(FillingTexts.ClosedTitle(language), FillingTexts.Closed(language)));
    }

    private async Task<TurnResult?> SaveAndShowAsync(StoredSession stored, FormSession next, FormDefinition form, Language language, CancellationToken cancellationToken)
    {
        if (!await sessions.TryWriteAsync(next, stored.ETag, cancellationToken))
        {
            return null;
        }
        return Replace(await CurrentCardAsync(next, form, language, cancellationToken));
    }

    private FormSession Advance(FormSession session, string? fingerprint) => session with
    {
        StateVersion = session.StateVersion + 1,
        LastActivityAt = time.GetUtcNow(),
        ReminderSentAt = null,
        LastActionFingerprint = fingerprint,
    };

    private int LastPage(FormDefinition form, FormSession session) => presenter.Pages(form, session.Answers).Count - 1;

    /// <summary>The card for the session's current state.</summary>
    public async Task<AdaptiveCard> CurrentCardAsync(FormSession session, FormDefinition form, Language language, CancellationToken cancellationToken)
    {
        var data = FormActionData.For(session);
        if (session.InReview)
        {
            return presenter.ReviewCard(form, session.Answers, language, data);
        }
        var pages = presenter.Pages(form, session.Answers);
        var index = Math.Clamp(session.PageIndex, 0, pages.Count - 1);
        return await presenter.PageCardAsync(form, pages[index], session.Answers, [], language, data, index == 0, index == pages.Count - 1, cancellationToken);
    }

    private AdaptiveCard OtherFormOpenCard(FormSession open, Language language)
    {
        var title = FormOf(open)?.Title.Get(language) ?? open.FormId;
        var data = FormActionData.For(open);
        return MessageCard.Build(new MessageView(
            FillingTexts.OtherFormOpenTitle(language),
            FillingTexts.OtherFormOpen(language, title),
            [
                new ButtonView(FillingTexts.Resume(language), CardVerbs.FormStart, new JsonObject { [FormActionData.FormId] = open.FormId }),
                new ButtonView(FillingTexts.CancelIt(language), CardVerbs.FormCancel, data),
            ]));
    }

    public static AdaptiveCard Notice(string title, string text) => MessageCard.Build(new MessageView(title, text));

    private static TurnResult Replace(AdaptiveCard card) => new() { UpdatedCard = card };

    /// <summary>The answer keys of items: their ids, plus the evidence note of checklist items that ask for one.</summary>
    private static IEnumerable<string> KeysOf(IEnumerable<FormItem> items)
    {
        foreach (var item in items)
        {
            yield return item.Id;
            if (item is ChecklistItem { Evidence: not null })
            {
                yield return FormAnswers.EvidenceKey(item.Id);
            }
        }
    }
}
