using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Summaries;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Dialogs.Export;

/// <summary>
/// ส่งออก / export in the personal chat: the card, then Teams' file-consent card for the file asked
/// for. The router has checked that the user may export at all; which forms and scopes is
/// <see cref="ExportAccess"/>. The file itself is written only once the user allows it (Bot/Export).
/// </summary>
public sealed class ExportFeature(FormCatalogue catalogue, IOfficeDirectorySource directory, IFileOffers offers) : ITurnFeature
{
    public IReadOnlyCollection<CommandKind> Commands { get; } = [CommandKind.Export];

    public string VerbPrefix => ExportVerbs.Prefix;

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        if (turn.Conversation.Kind != ConversationKind.Personal)
        {
            return Text(ExportTexts.PersonalChatOnly(turn.Language));
        }
        var forms = Exportable(roles);
        if (forms.Count == 0)
        {
            return Text(ExportTexts.NoForms(turn.Language));
        }
        var office = await directory.CurrentAsync(cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(ExportCard.Build(forms, office, turn.Language)));
    }

    public async Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (turn.Conversation.Kind != ConversationKind.Personal)
        {
            return Text(ExportTexts.PersonalChatOnly(language));
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var choice = ExportChoice.Read(action.Data, catalogue, office, language);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        var allowed = choice is { Form: { } form, Filter: { } filter } ? ExportAccess.Allow(office, person, roles, form, filter) : null;
        if (choice.Problem is not null || allowed is null)
        {
            return new TurnResult { UpdatedCard = ExportCard.Build(Exportable(roles), office, language, choice.Problem ?? ExportTexts.NotYours(language), action.Data) };
        }
        var title = choice.Form!.Title.Get(language);
        var scope = allowed.Scope;
        var request = new ExportRequest(allowed, choice.Format, turn.User.Id, language, FileName(allowed, scope, choice, turn.ReceivedAt), choice.Content);
        await offers.OfferAsync(turn.Conversation, request, ExportTexts.Description(title, scope.Title(office).Get(language), allowed, choice.Content, language), cancellationToken);
        return Text(ExportTexts.Offered(language));
    }

    private List<FormDefinition> Exportable(IReadOnlySet<RespondentRole> roles) => catalogue.Forms.Where(f => ExportAccess.MayRead(f, roles)).ToList();

    /// <summary>Latin letters only, so it reads the same in every OneDrive and every Excel: form, "summary" for a summary, scope, Bangkok time asked.</summary>
    private static string FileName(ExportFilter filter, SummaryScope scope, ExportChoice choice, DateTimeOffset askedAt)
    {
        var where = scope.Level switch
        {
            ScopeLevel.Area => "area",
            ScopeLevel.Group => "group-" + scope.Key,
            _ => "school-" + scope.Key,
        };
        var at = TimeZoneInfo.ConvertTime(askedAt, ThaiDates.Bangkok).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var what = choice.Content == ExportContent.Summary ? "summary-" : "";
        return $"{filter.FormId}-{what}{where}-{at}.{(choice.Format == ExportFormat.Csv ? "csv" : "xlsx")}";
    }

    private static TurnResult Text(string text) => TurnResult.With(OutgoingMessage.Of(text));
}
