using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>What a reminder card shows: the visit, with names already looked up in the directory and catalogue.</summary>
/// <param name="ForSupervisor">The supervisor's card carries the buttons; the school's people get the notice only.</param>
/// <param name="Unreached">People who should have had the reminder but have no Teams account, for the supervisor to tell.</param>
public sealed record VisitReminderView(
    Visit Visit,
    string SchoolTitle,
    int? SchoolGroup,
    string ChecklistTitle,
    string SupervisorName,
    bool ForSupervisor,
    IReadOnlyList<string> Unreached);

/// <summary>
/// The reminder of a coming visit. The supervisor's card starts the visit's checklist (linked to the
/// visit, the school filled in) or reschedules or cancels it; the router authorizes each button.
/// </summary>
public static class VisitReminderCard
{
    public const string RescheduleVerb = "visit.reschedule";
    public const string CancelVerb = "visit.cancel";
    public const string VisitIdKey = "visitId";

    public static AdaptiveCard Build(VisitReminderView view, Language language)
    {
        var visit = view.Visit;
        var date = ThaiDates.FormatDate(visit.BangkokDate, language);
        var window = VisitCardTexts.TimeWindow(language, visit.StartUtc, visit.EndUtc);
        List<Fact> facts =
        [
            new(VisitCardTexts.School(language), view.SchoolTitle),
            new(VisitCardTexts.Date(language), date),
            new(VisitCardTexts.Time(language), window),
            new(VisitCardTexts.Mode(language), VisitCardTexts.ModeName(language, visit.Mode)),
        ];
        if (!string.IsNullOrWhiteSpace(visit.Purpose))
        {
            facts.Add(new(VisitCardTexts.Purpose(language), visit.Purpose));
        }
        facts.Add(new(VisitCardTexts.Checklist(language), view.ChecklistTitle));
        facts.Add(new(VisitCardTexts.Supervisor(language), view.SupervisorName));

        List<CardElement> body =
        [
            VisitCardParts.Banner(VisitCardTexts.ReminderTitle(language), VisitCardTexts.ReminderIntro(language, view.SchoolTitle, date + " " + window)),
            new FactSet { Facts = facts },
        ];
        if (view.Unreached.Count > 0)
        {
            body.Add(new TextBlock { Text = VisitCardTexts.Unreached(language, string.Join(language == Language.Thai ? " " : ", ", view.Unreached)), Wrap = true, Color = TextColor.Warning });
        }
        if (view.ForSupervisor)
        {
            var visitData = new JsonObject { [VisitIdKey] = visit.Id };
            body.Add(CardActions.Buttons(
            [
                new ButtonView(VisitCardTexts.StartChecklist(language), CardVerbs.FormStart, StartData(view)),
                new ButtonView(VisitCardTexts.Reschedule(language), RescheduleVerb, visitData),
                new ButtonView(VisitCardTexts.Cancel(language), CancelVerb, visitData),
            ], Spacing.Large));
        }
        var card = new AdaptiveCard { Body = body, FallbackText = VisitCardTexts.ReminderTitle(language) + ": " + view.SchoolTitle + " " + date };
        CardLimits.Check(card);
        return card;
    }

    /// <summary>
    /// The start button's data: the checklist, its header answers the visit already knows (the router
    /// keeps only items the form has), and the link that ties the response to the visit.
    /// </summary>
    private static JsonObject StartData(VisitReminderView view)
    {
        var visit = view.Visit;
        var prefill = new JsonObject
        {
            ["school"] = visit.SchoolCode,
            ["visit-date"] = visit.BangkokDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["mode"] = visit.Mode.ToString().ToLowerInvariant(),
        };
        if (view.SchoolGroup is { } group)
        {
            prefill["school-group"] = group.ToString(CultureInfo.InvariantCulture);
        }
        return new JsonObject
        {
            [FormActionData.FormId] = visit.ChecklistFormId,
            [FormActionData.Prefill] = prefill,
            [FormActionData.Link] = FormActionData.LinkData(new FormLink(null, visit.Id)),
        };
    }
}
