using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Routing;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;
using static SupervisionBot.Cards.Builders.CardParts;

namespace SupervisionBot.Dialogs.Timeline;

/// <summary>
/// "ไทม์ไลน์ &lt;school code&gt;" / "timeline &lt;code&gt;": the school's timeline as a card, ten lines a
/// page with older/newer buttons. A director needs no code for their own school.
/// </summary>
public sealed class TimelineFeature(SchoolTimeline timeline, IOfficeDirectorySource directory) : ITurnFeature
{
    public const int PageSize = 10;
    public const string SchoolKey = "school";
    public const string PageKey = "page";

    public IReadOnlyCollection<CommandKind> Commands => [CommandKind.Timeline];

    public string VerbPrefix => "timeline.";

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var office = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        var code = ThaiDates.LatinDigits(argument.Trim());
        if (code.Length == 0 && person?.SchoolCode is { } own)
        {
            code = own;
        }
        return TurnResult.With(OutgoingMessage.Of(await PageAsync(turn, roles, person, office, code, 0, cancellationToken)));
    }

    public async Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
    {
        var office = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        var code = FormActionData.Text(action.Data, SchoolKey) ?? "";
        var page = int.TryParse(FormActionData.Text(action.Data, PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        return new TurnResult { UpdatedCard = await PageAsync(turn, roles, person, office, code, page, cancellationToken) };
    }

    private async Task<AdaptiveCard> PageAsync(Turn turn, IReadOnlySet<RespondentRole> roles, Person? person, OfficeDirectory office, string code, int page, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var title = language.Pick("ไทม์ไลน์โรงเรียน", "School timeline");
        if (office.School(code) is not { } school)
        {
            return SessionCards.Notice(title, language.Pick("โปรดระบุรหัสโรงเรียน เช่น “ไทม์ไลน์ 10010001”", "Please name a school code, e.g. “timeline 10010001”."));
        }
        if (!AccessPolicy.MaySeeSchool(person, roles, school))
        {
            return SessionCards.Notice(title, language.Pick(
                $"ขออภัย ไทม์ไลน์ของ{school.Title(language)}ดูได้เฉพาะผู้อำนวยการสถานศึกษา ศึกษานิเทศก์ที่รับผิดชอบ และผู้บริหารของเขตพื้นที่",
                $"Sorry, only {school.Title(language)}'s director, its supervisors and the area's leaders may see its timeline."));
        }
        var entries = await timeline.ForSchoolAsync(school.Code, cancellationToken);
        var pages = Math.Max(1, (entries.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var heading = language.Pick($"ไทม์ไลน์: {school.Title(language)}", $"Timeline: {school.Title(language)}");
        List<CardElement> body = [Banner(Title(heading), Paragraph(language.Pick($"หน้า {page + 1}/{pages} · ล่าสุดก่อน", $"Page {page + 1} of {pages} · newest first")))];
        if (entries.Count == 0)
        {
            body.Add(Paragraph(language.Pick("ยังไม่มีรายการ", "Nothing yet.")));
        }
        foreach (var entry in entries.Skip(page * PageSize).Take(PageSize))
        {
            List<CardElement> items = [Subheading(ThaiDates.FormatDateTime(entry.AtUtc, language)), Paragraph(entry.What.Get(language))];
            if (entry.Detail is { } detail)
            {
                items.Add(Hint(detail.Get(language)));
            }
            body.Add(new Container { Separator = true, Spacing = Spacing.Medium, Items = items });
        }
        var buttons = new List<ButtonView>();
        if (page > 0)
        {
            buttons.Add(new ButtonView(language.Pick("ใหม่กว่า", "Newer"), CardVerbs.TimelinePage, Data(school.Code, page - 1)));
        }
        if (page < pages - 1)
        {
            buttons.Add(new ButtonView(language.Pick("เก่ากว่า", "Older"), CardVerbs.TimelinePage, Data(school.Code, page + 1)));
        }
        if (buttons.Count > 0)
        {
            body.Add(CardActions.Buttons(buttons, Spacing.Large));
        }
        return Finish(new AdaptiveCard { Body = body, FallbackText = heading });
    }

    private static JsonObject Data(string school, int page) => new() { [SchoolKey] = school, [PageKey] = page.ToString(CultureInfo.InvariantCulture) };

}
