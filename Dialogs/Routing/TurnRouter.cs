using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using AdaptiveCard = SupervisionBot.Cards.Model.AdaptiveCard;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Help;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Dialogs.Routing;

/// <summary>Decides what a turn means and answers it.</summary>
public sealed class TurnRouter(
    IConversationReferenceStore conversations,
    IUserPreferences preferences,
    IRoleDirectory roles,
    IPersonalChats personalChats,
    FormCatalogue catalogue,
    FormFiller filler,
    FormActions actions,
    IEnumerable<ITurnFeature> features)
{
    private readonly ITurnFeature[] features = features.ToArray();

    private static readonly Dictionary<CommandKind, FormKind[]> FormGroups = new Dictionary<CommandKind, FormKind[]>
    {
        [CommandKind.Forms] = Enum.GetValues<FormKind>(),
        [CommandKind.Survey] = [FormKind.NeedsSurvey, FormKind.TeachingProblemsSurvey],
        [CommandKind.Visit] = [FormKind.ClassroomObservation, FormKind.IqaFollowUp, FormKind.IndicatorFollowUp, FormKind.AdministrationSupervision, FormKind.TeachingSupervision],
        [CommandKind.Satisfaction] = [FormKind.Satisfaction],
        [CommandKind.Meeting] = [FormKind.GroupMeeting],
    };

    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (await preferences.GetLanguageAsync(UserKey(turn.User), cancellationToken) is { } chosen)
        {
            turn = turn with { Language = chosen, LanguageKnown = true };
        }
        // Teams sends install as two events, only one of which says the user's language: greet from
        // that one (or from the first message), never in a language guessed from the other.
        if (turn.Kind == TurnKind.Installed && !turn.LanguageKnown)
        {
            return new TurnResult();
        }
        // Teams repeats install events (and the first message may come before any of them):
        // whichever arrives first greets, once per conversation.
        var firstContact = await conversations.TryMarkWelcomedAsync(WelcomeKey(turn.Conversation), cancellationToken);

        return turn.Kind switch
        {
            TurnKind.Installed => firstContact ? TurnResult.With(Welcome(turn)) : new TurnResult(),
            TurnKind.Message => await MessageAsync(turn, firstContact, cancellationToken),
            TurnKind.CardAction => await CardActionAsync(turn, turn.Action!, cancellationToken),
            _ => new TurnResult(),
        };
    }

    private async Task<TurnResult> MessageAsync(Turn turn, bool firstContact, CancellationToken cancellationToken)
    {
        if (CommandCatalogue.Parse(turn.Text) is { } parsed)
        {
            return await CommandAsync(turn, parsed.Command.Kind, parsed.Argument, cancellationToken);
        }
        if (catalogue.FindByCommand(turn.Text) is { } named)
        {
            return await StartFormAsync(turn, named, FormAnswers.Empty, cancellationToken);
        }
        if (turn.Conversation.Kind == ConversationKind.Personal && await filler.OpenSessionAsync(turn, cancellationToken) is { } open)
        {
            // Never taken as an answer: answers come only from the card, where they are validated.
            var title = filler.FormOf(open.Session)?.Title.Get(turn.Language) ?? open.Session.FormId;
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.TypedWhileFilling(turn.Language, title)));
        }
        return TurnResult.With(firstContact ? Welcome(turn) : OutgoingMessage.Of(HelpGuide.Hint(turn.Language, turn.Text)));
    }

    private async Task<TurnResult> CommandAsync(Turn turn, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var personal = turn.Conversation.Kind == ConversationKind.Personal;
        if (features.FirstOrDefault(f => f.Commands.Contains(command)) is { } feature)
        {
            var held = await roles.GetRolesAsync(turn.User, cancellationToken);
            var action = AccessPolicy.ForCommand(command);
            return AccessPolicy.Decide(action, held) is { Allowed: false } refused
                ? Refused(turn, refused, action)
                : await feature.CommandAsync(turn, held, command, argument, cancellationToken);
        }
        switch (command)
        {
            case CommandKind.Help:
                return TurnResult.With(Welcome(turn));
            case CommandKind.Language:
                return await SetLanguageAsync(turn, argument, cancellationToken);
            case CommandKind.Status when personal:
                return await filler.StatusAsync(turn, cancellationToken);
            case CommandKind.Resume when personal:
                return await filler.ResumeAsync(turn, cancellationToken);
            case CommandKind.Cancel when personal:
                return await filler.CancelAsync(turn, cancellationToken);
            case CommandKind.Status or CommandKind.Resume or CommandKind.Cancel:
                return TurnResult.With(OutgoingMessage.Of(FillingTexts.OpenInPersonalChat(turn.Language)));
            default:
                return await FormGroupAsync(turn, FormGroups[command], cancellationToken);
        }
    }

    private async Task<TurnResult> FormGroupAsync(Turn turn, FormKind[] kinds, CancellationToken cancellationToken)
    {
        var mine = await FormsForAsync(turn.User, cancellationToken);
        var forms = mine.Where(f => kinds.Contains(f.Kind)).ToList();
        if (forms.Count == 1)
        {
            return await StartFormAsync(turn, forms[0], FormAnswers.Empty, cancellationToken);
        }
        // A command naming one form (e.g. ประเมิน) that is someone else's: say whose it is.
        if (forms.Count == 0 && catalogue.Forms.Where(f => kinds.Contains(f.Kind)).ToList() is [var only])
        {
            return NotAllowed(turn, only);
        }
        var card = forms.Count == 0
            ? SessionCards.Notice(FillingTexts.NoFormsTitle(turn.Language), FillingTexts.NoForms(turn.Language))
            : FormCardPresenter.MenuCard(forms, turn.Language);
        return TurnResult.With(OutgoingMessage.Of(card));
    }

    private async Task<TurnResult> CardActionAsync(Turn turn, CardAction action, CancellationToken cancellationToken)
    {
        if (action.Verb == CardVerbs.FormStart)
        {
            var formId = FormActionData.Text(action.Data, FormActionData.FormId);
            if (formId is null || catalogue.Find(formId) is not { } form)
            {
                return new TurnResult { UpdatedCard = SessionCards.Notice(FillingTexts.ClosedTitle(turn.Language), FillingTexts.UnknownForm(turn.Language)) };
            }
            return await StartFormAsync(turn, form, Prefill(form, action.Data), cancellationToken, FormActionData.LinkOf(action.Data));
        }
        if (action.Verb == CardVerbs.FormsMenu)
        {
            return await FormGroupAsync(turn, FormGroups[CommandKind.Forms], cancellationToken);
        }
        if (action.Verb.StartsWith("form.", StringComparison.Ordinal))
        {
            return await actions.HandleAsync(turn, action, cancellationToken);
        }
        if (features.FirstOrDefault(f => action.Verb.StartsWith(f.VerbPrefix, StringComparison.Ordinal)) is { } feature)
        {
            var held = await roles.GetRolesAsync(turn.User, cancellationToken);
            // A verb the policy does not know was not sent by a card of ours: nobody may use it.
            if (AccessPolicy.ForVerb(action.Verb) is not { } needed)
            {
                return new TurnResult { UpdatedCard = HelpGuide.Card(turn.Language) };
            }
            return AccessPolicy.Decide(needed, held) is { Allowed: false } refused
                ? new TurnResult { UpdatedCard = RefusalCard(turn, refused, needed) }
                : await feature.CardActionAsync(turn, held, action, cancellationToken);
        }
        return new TurnResult { UpdatedCard = HelpGuide.Card(turn.Language) };
    }

    /// <summary>Forms are filled only in the personal chat, so answers never show in a group or channel.</summary>
    private async Task<TurnResult> StartFormAsync(Turn turn, FormDefinition form, FormAnswers prefill, CancellationToken cancellationToken, FormLink? link = null)
    {
        var language = turn.Language;
        var mine = await FormsForAsync(turn.User, cancellationToken);
        if (!mine.Contains(form))
        {
            return NotAllowed(turn, form);
        }
        if (turn.Conversation.Kind == ConversationKind.Personal)
        {
            return await filler.StartAsync(turn, form, prefill, cancellationToken, link);
        }
        if (await personalChats.OpenAsync(turn.User, turn.Conversation, cancellationToken) is not { } personalChat)
        {
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.OpenInPersonalChat(language)));
        }
        var started = await filler.StartAsync(turn with { Conversation = personalChat }, form, prefill, cancellationToken, link);
        var result = TurnResult.With(OutgoingMessage.Of(FillingTexts.MovedToPersonalChat(language, form.Title.Get(language))));
        result.Messages.AddRange(started.Messages.Select(m => m with { To = personalChat }));
        return result;
    }

    private static TurnResult Refused(Turn turn, AccessDecision refused, OfficeAction action) =>
        TurnResult.With(OutgoingMessage.Of(RefusalCard(turn, refused, action)));

    private static AdaptiveCard RefusalCard(Turn turn, AccessDecision refused, OfficeAction action) =>
        SessionCards.Notice(FillingTexts.NotAllowedTitle(turn.Language), refused.Refusal(AccessPolicy.Describe(action)).Get(turn.Language));

    private static TurnResult NotAllowed(Turn turn, FormDefinition form)
    {
        var language = turn.Language;
        var text = FillingTexts.NotAllowed(language, form.Title.Get(language), RoleNames.List(form.Settings.Roles, language));
        return TurnResult.With(OutgoingMessage.Of(SessionCards.Notice(FillingTexts.NotAllowedTitle(language), text)));
    }

    private async Task<TurnResult> SetLanguageAsync(Turn turn, string argument, CancellationToken cancellationToken)
    {
        Language? language = argument.Trim().ToLowerInvariant() switch
        {
            "ไทย" or "thai" or "th" => Language.Thai,
            "อังกฤษ" or "english" or "en" => Language.English,
            _ => null,
        };
        if (language is not { } chosen)
        {
            return TurnResult.With(OutgoingMessage.Of(FillingTexts.LanguageHelp(turn.Language)));
        }
        await preferences.SetLanguageAsync(UserKey(turn.User), chosen, cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(FillingTexts.LanguageSet(chosen)));
    }

    private async Task<IReadOnlyList<FormDefinition>> FormsForAsync(Participant user, CancellationToken cancellationToken)
    {
        var held = await roles.GetRolesAsync(user, cancellationToken);
        return catalogue.ForRoles(held.ToList());
    }

    /// <summary>
    /// Answers a proactive card's start button carries, e.g. {"school": "…"}. Only plain values for items
    /// the form has are taken; they are shown on the card and validated like typed answers.
    /// </summary>
    private static FormAnswers Prefill(FormDefinition form, JsonObject data) =>
        data[FormActionData.Prefill] is JsonObject prefill
            ? FormAnswers.From(prefill
                .Select(p => (p.Key, Value: p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null))
                .Where(p => form.FindItem(p.Key) is not null && !string.IsNullOrWhiteSpace(p.Value))
                .Select(p => KeyValuePair.Create(p.Key, p.Value!)))
            : FormAnswers.Empty;

    private static OutgoingMessage Welcome(Turn turn) => OutgoingMessage.Of(HelpGuide.Card(turn.Language));

    private static string UserKey(Participant user) => user.AadObjectId ?? user.Id;

    /// <summary>Every thread of a channel is its own conversation; the channel is greeted once, not each thread.</summary>
    private static string WelcomeKey(ConversationReference conversation) =>
        conversation.Kind == ConversationKind.Channel
            ? conversation.ChannelId ?? conversation.ConversationId.Split(";messageid=")[0]
            : conversation.ConversationId;
}
