using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Routing;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// สรุป / summary in chat: "สรุป &lt;form&gt; [กลุ่ม n | โรงเรียน code | เขต] [แคมเปญ id]", and the
/// summary card's refresh. The router has checked that the user may see summaries at all; which
/// scope they may see is checked here against the directory (their school, group or the area).
/// </summary>
public sealed class SummaryFeature(SummaryCards cards, FormCatalogue catalogue, IOfficeDirectorySource directory) : ITurnFeature
{
    public IReadOnlyCollection<CommandKind> Commands { get; } = [CommandKind.Summary];

    public string VerbPrefix => "summary.";

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var parsed = SummaryArguments.Parse(argument, catalogue);
        if (parsed.Form is null)
        {
            return Text(SummaryTexts.Usage(language, catalogue.Forms
                .Where(f => f.Items.Any(i => i is ScaledItem or ChecklistItem))
                .Select(f => $"{(f.Settings.Commands.Count > 0 ? f.Settings.Commands[0] : f.Id)} ({f.Title.Get(language)})")));
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        var scope = parsed.Scope ?? SummaryAccess.Widest(office, person, roles, parsed.Campaign);
        if (scope is null || !SummaryAccess.MaySee(office, person, roles, scope))
        {
            return Text(SummaryTexts.NotYours(language));
        }
        var card = await cards.BuildAsync(new SummaryRequest(parsed.Form.Id, scope), SummaryAccess.MaySeeTexts(parsed.Form, roles), language, cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(card!));
    }

    public async Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
    {
        var data = action.Data;
        var form = catalogue.Find((string?)data["formId"] ?? string.Empty);
        var scope = Enum.TryParse<ScopeLevel>((string?)data["level"], out var level) ? ScopeOf(level, (string?)data["key"], (string?)data["campaignId"]) : null;
        var office = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        // Anyone in a channel can open a posted card: each sees it refreshed only if the scope is theirs.
        if (action.Verb != CardVerbs.SummaryRefresh || form is null || scope is null || !SummaryAccess.MaySee(office, person, roles, scope))
        {
            return new TurnResult();
        }
        return new TurnResult { UpdatedCard = await cards.BuildAsync(new SummaryRequest(form.Id, scope), SummaryAccess.MaySeeTexts(form, roles), turn.Language, cancellationToken) };
    }

    private static SummaryScope? ScopeOf(ScopeLevel level, string? key, string? campaign) => level switch
    {
        ScopeLevel.Area => SummaryScope.Area(campaign),
        ScopeLevel.Group when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => SummaryScope.Group(number, campaign),
        ScopeLevel.School when !string.IsNullOrWhiteSpace(key) => SummaryScope.School(key, campaign),
        _ => null,
    };

    private static TurnResult Text(string text) => TurnResult.With(OutgoingMessage.Of(text));
}

/// <summary>The words after สรุป / summary: a form (its id or the word that opens it), then an optional scope and campaign.</summary>
public sealed record SummaryArguments(FormDefinition? Form, SummaryScope? Scope, string? Campaign)
{
    public static SummaryArguments Parse(string argument, FormCatalogue catalogue)
    {
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return new(null, null, null);
        }
        var form = catalogue.Find(words[0]) ?? catalogue.FindByCommand(words[0]);
        string? campaign = null;
        (ScopeLevel Level, string? Key)? scope = null;
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i].ToLowerInvariant();
            var next = i + 1 < words.Length ? words[i + 1] : null;
            switch (word)
            {
                case "เขต" or "area":
                    scope = (ScopeLevel.Area, null);
                    break;
                case ("กลุ่ม" or "group") when int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                    scope = (ScopeLevel.Group, next);
                    i++;
                    break;
                case ("โรงเรียน" or "school") when next is not null:
                    scope = (ScopeLevel.School, next);
                    i++;
                    break;
                case ("แคมเปญ" or "campaign") when next is not null:
                    campaign = next;
                    i++;
                    break;
                default:
                    return new(null, null, null); // a word we do not understand: show how to ask rather than guess
            }
        }
        var resolved = scope switch
        {
            null => null,
            { Level: ScopeLevel.Group } s => SummaryScope.Group(int.Parse(s.Key!, CultureInfo.InvariantCulture), campaign),
            { Level: ScopeLevel.School } s => SummaryScope.School(s.Key!, campaign),
            _ => SummaryScope.Area(campaign),
        };
        return new(form, resolved, campaign);
    }
}

/// <summary>What the summary command says, Thai first.</summary>
public static class SummaryTexts
{
    public static string Usage(Language language, IEnumerable<string> forms) => language == Language.Thai
        ? "โปรดระบุแบบฟอร์มและขอบเขต เช่น พิมพ์ “สรุป ประเมิน กลุ่ม 1” หรือ “สรุป แบบสำรวจ โรงเรียน 1010” (ไม่ระบุขอบเขต จะสรุปส่วนที่ท่านดูได้กว้างที่สุด)\n\nแบบฟอร์ม: " + string.Join(", ", forms)
        : "Please name the form and the scope, e.g. type “summary satisfaction group 1” or “summary survey school 1010” (with no scope, the widest one you may see).\n\nForms: " + string.Join(", ", forms);

    public static string NotYours(Language language) => language == Language.Thai
        ? "ขออภัย ท่านดูสรุปผลของขอบเขตนี้ไม่ได้ ท่านดูได้เฉพาะโรงเรียน กลุ่มโรงเรียน หรือเขตพื้นที่ที่ท่านรับผิดชอบ"
        : "Sorry, you may not see the summary for that scope: only the school, school group or area you are responsible for.";
}
