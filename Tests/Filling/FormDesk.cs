using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Tests.Support;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Tests.Filling;

/// <summary>
/// The real conversation layer (catalogue, presenter, validator, engine, router) over in-memory
/// stores, used the way a user uses it: press the buttons the last card shows.
/// </summary>
public sealed class FormDesk
{
    public static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    public FormDesk(ManualTimeProvider? time = null, IFormSessionStore? sessions = null, IResponseStore? responses = null, ConversationKind kind = ConversationKind.Personal, IRoleDirectory? roles = null, IRespondentRegistry? respondents = null,
        IEnumerable<IFormProgress>? progress = null, IEnumerable<ITurnFeature>? features = null)
    {
        Time = time ?? new ManualTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        Sessions = sessions ?? new InMemorySessionStore();
        Responses = responses ?? new InMemoryResponseStore();
        Respondents = respondents ?? new InMemoryRespondents();
        var pickers = new LearningAreaPickerChoices();
        Presenter = new FormCardPresenter(pickers);
        var validator = new FormValidator(pickers);
        var cards = new SessionCards(Presenter);
        Filler = new FormFiller(Catalogue, cards, Sessions, Respondents, Time, progress ?? []);
        var submission = new FormSubmission(Catalogue, validator, Sessions, Responses, Respondents, Time, progress ?? []);
        var actions = new FormActions(Catalogue, validator, cards, submission, Sessions, Time);
        Router = new TurnRouter(References, Preferences, roles ?? new FixedRoles(Enum.GetValues<RespondentRole>()), PersonalChats, Catalogue, Filler, actions, features ?? []);
        Conversation = new ConversationReference(kind == ConversationKind.Personal ? "a:personal-1" : "19:grp@thread.tacv2;messageid=1", kind,
            "https://smba.trafficmanager.net/apac/", "tid", "28:bot", "29:teacher", "aad-teacher", "ครูสมศรี", null, kind == ConversationKind.Channel ? "19:grp@thread.tacv2" : null, "th-TH");
    }

    public ManualTimeProvider Time { get; }
    public IFormSessionStore Sessions { get; }
    public IResponseStore Responses { get; }
    public IRespondentRegistry Respondents { get; }
    public InMemoryPreferences Preferences { get; } = new();
    public InMemoryConversations References { get; } = new();
    public RecordingPersonalChats PersonalChats { get; } = new(new ConversationReference("a:personal-1", ConversationKind.Personal,
        "https://smba.trafficmanager.net/apac/", "tid", "28:bot", "29:teacher", "aad-teacher", "ครูสมศรี", null, null, "th-TH"));
    public FormCardPresenter Presenter { get; }
    public FormFiller Filler { get; }
    public TurnRouter Router { get; }
    public ConversationReference Conversation { get; set; }
    public Participant User { get; set; } = new("29:teacher", "aad-teacher", "ครูสมศรี");
    public Language Language { get; set; } = Language.Thai;

    /// <summary>The card the user looks at now: the last card the bot sent or replaced.</summary>
    public AdaptiveCard? Card { get; private set; }

    public async Task<TurnResult> SayAsync(string text)
    {
        var result = await Router.HandleAsync(new Turn(TurnKind.Message, Conversation, User, Language, Time.GetUtcNow(), Text: text), CancellationToken.None);
        Card = result.Messages.LastOrDefault(m => m.Card is not null)?.Card ?? Card;
        return result;
    }

    /// <summary>Presses the button with <paramref name="verb"/> on <paramref name="card"/> (default: the current card), with inputs.</summary>
    public async Task<TurnResult> PressAsync(string verb, IReadOnlyDictionary<string, string?>? inputs = null, AdaptiveCard? card = null, JsonObject? extraData = null)
    {
        var data = Button(card ?? Card ?? throw new InvalidOperationException("No card yet."), verb);
        foreach (var (key, value) in inputs ?? new Dictionary<string, string?>())
        {
            data[key] = value;
        }
        foreach (var (key, value) in extraData ?? [])
        {
            data[key] = value?.DeepClone();
        }
        return await ActAsync(verb, data);
    }

    /// <summary>A button with <paramref name="data"/>, as a card the desk did not show (a proactive one) would send it.</summary>
    public async Task<TurnResult> ActAsync(string verb, JsonObject data)
    {
        var result = await Router.HandleAsync(new Turn(TurnKind.CardAction, Conversation, User, Language, Time.GetUtcNow(), Action: new CardAction(verb, data, "card-1")), CancellationToken.None);
        Card = result.UpdatedCard ?? result.Messages.LastOrDefault(m => m.Card is not null)?.Card ?? Card;
        return result;
    }

    public static JsonObject Button(AdaptiveCard card, string verb, int occurrence = 0)
    {
        var actions = CardTree.Elements(card).OfType<ActionSet>().SelectMany(a => a.Actions).Concat(card.Actions ?? []);
        var execute = actions.OfType<ExecuteAction>().Where(a => a.Verb == verb).ElementAtOrDefault(occurrence)
            ?? throw new InvalidOperationException($"The card has no '{verb}' button: {CardJson.Serialize(card)}");
        return (JsonObject)(execute.Data?.DeepClone() ?? new JsonObject());
    }

    public static IReadOnlyList<string> InputIds(AdaptiveCard card) => CardTree.Inputs(card).Select(i => i.Id).ToList();

    public static string Text(AdaptiveCard card) => CardJson.Serialize(card);
}
