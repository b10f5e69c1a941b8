using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// Which card a form session shows: the review card, or the card of its page (with problems named
/// under their questions), every button carrying the state version it was drawn from.
/// </summary>
public sealed class SessionCards(FormCardPresenter presenter)
{
    /// <summary>The card for the session's current state.</summary>
    public async Task<AdaptiveCard> CurrentAsync(FormSession session, FormDefinition form, Language language, CancellationToken cancellationToken)
    {
        if (session.InReview)
        {
            return FormCardPresenter.ReviewCard(form, session.Answers, language, FormActionData.For(session));
        }
        var pages = FormPages.Of(form, session.Answers);
        return await PageAsync(session, form, pages, pages.Clamp(session.PageIndex), session.Answers, [], language, cancellationToken);
    }

    /// <summary>Page <paramref name="index"/> of <paramref name="pages"/> showing <paramref name="answers"/>, which may differ from the stored ones.</summary>
    public async Task<AdaptiveCard> PageAsync(
        FormSession session,
        FormDefinition form,
        FormPages pages,
        int index,
        FormAnswers answers,
        IReadOnlyList<AnswerError> errors,
        Language language,
        CancellationToken cancellationToken) =>
        await presenter.PageCardAsync(form, pages[index], answers, errors, language, FormActionData.For(session), isFirstPage: index == 0, isLastPage: pages.IsLast(index), cancellationToken);

    /// <summary>Asked to start a form while another is open: resume that one, or cancel it.</summary>
    public static AdaptiveCard OtherFormOpen(FormSession open, string title, Language language) =>
        MessageCard.Build(new MessageView(
            FillingTexts.OtherFormOpenTitle(language),
            FillingTexts.OtherFormOpen(language, title),
            [
                new ButtonView(FillingTexts.Resume(language), CardVerbs.FormStart, new JsonObject { [FormActionData.FormId] = open.FormId }),
                new ButtonView(FillingTexts.CancelIt(language), CardVerbs.FormCancel, FormActionData.For(open)),
            ]));

    public static AdaptiveCard Notice(string title, string text) => MessageCard.Build(new MessageView(title, text));
}
