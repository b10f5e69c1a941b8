using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// What a user's words do to their form: start one (or bring back the open one), resume, ask where
/// they are, cancel. The buttons on the form's cards are <see cref="FormActions"/>.
/// </summary>
public sealed class FormFiller(
    FormCatalogue catalogue,
    SessionCards cards,
    IFormSessionStore sessions,
    IRespondentRegistry respondents,
    TimeProvider time,
    IEnumerable<IFormProgress> progress)
{
    private const int MaxConcurrentRetries = 3;

    public Task<StoredSession?> OpenSessionAsync(Turn turn, CancellationToken cancellationToken) =>
        sessions.GetAsync(turn.Conversation.ConversationId, turn.User.Id, cancellationToken);

    public FormDefinition? FormOf(FormSession session) => catalogue.Find(session.FormId);

    /// <summary>Starts <paramref name="form"/>, or brings back the user's open form.</summary>
    public async Task<TurnResult> StartAsync(Turn turn, FormDefinition form, FormAnswers prefill, CancellationToken cancellationToken, FormLink? link = null)
    {
        var language = turn.Language;
        for (var attempt = 0; attempt < MaxConcurrentRetries; attempt++)
        {
            var open = await OpenSessionAsync(turn, cancellationToken);
            if (open is not null)
            {
                if (open.Session.FormId == form.Id)
                {
                    return TurnResult.With(OutgoingMessage.Of(await cards.CurrentAsync(open.Session, form, language, cancellationToken)));
                }
                var openTitle = FormOf(open.Session)?.Title.Get(language) ?? open.Session.FormId;
                return TurnResult.With(OutgoingMessage.Of(SessionCards.OtherFormOpen(open.Session, openTitle, language)));
            }
            if (form.Settings.Anonymous && await respondents.HasRespondedAsync(form.Id, form.Version, turn.User.AadObjectId ?? turn.User.Id, cancellationToken))
            {
                return TurnResult.With(OutgoingMessage.Of(SessionCards.Notice(FillingTexts.AlreadyRespondedTitle(language), FillingTexts.AlreadyResponded(language, form.Title.Get(language)))));
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
                Link = link ?? FormLink.None,
                StateVersion = 1,
                StartedAt = now,
                LastActivityAt = now,
            };
            if (await sessions.TryWriteAsync(session, null, cancellationToken))
            {
                foreach (var observer in progress)
                {
                    await observer.StartedAsync(session, cancellationToken);
                }
                return TurnResult.With(OutgoingMessage.Of(await cards.CurrentAsync(session, form, language, cancellationToken)));
            }
            // Another device started a form at the same moment: show whatever won.
        }
        throw new InvalidOperationException("The form session kept changing while it was being started.");
    }

    public async Task<TurnResult> ResumeAsync(Turn turn, CancellationToken cancellationToken)
    {
        var stored = await OpenSessionAsync(turn, cancellationToken);
        if (stored is null || FormOf(stored.Session) is not { } form)
        {
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.NothingOpen(turn.Language)));
        }
        return TurnResult.With(OutgoingMessage.Of(await cards.CurrentAsync(stored.Session, form, turn.Language, cancellationToken)));
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
            var pages = FormPages.Of(form, session.Answers);
            var page = pages[pages.Clamp(session.PageIndex)];
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
}
