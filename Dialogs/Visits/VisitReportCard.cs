using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// The visit report the school director gets when the supervisor submits the checklist: the scores
/// (x̄ and level per aspect and overall, % done for checklist items), then the supervisor's
/// strengths, points to develop and recommendations in their own words.
/// </summary>
public static class VisitReportCard
{
    public static AdaptiveCard Build(Visit visit, FormDefinition form, FormResponse checklist, string schoolTitle, string supervisorName, Language language)
    {
        var date = VisitCardTexts.DateOf(language, visit.StartUtc);
        List<CardElement> body =
        [
            VisitCardParts.Banner(VisitCardTexts.ReportTitle(language), VisitCardTexts.ReportIntro(language, schoolTitle, date, supervisorName), form.Title.Get(language)),
        ];
        var scores = Scores(form, checklist, language);
        if (scores.Count > 0)
        {
            body.Add(Heading(VisitCardTexts.Scores(language)));
            body.Add(new FactSet { Facts = scores });
        }
        AddTexts(body, VisitCardTexts.Strengths(language), Answers(form, checklist, VisitReportItems.IsStrength));
        AddTexts(body, VisitCardTexts.ToDevelop(language), Answers(form, checklist, VisitReportItems.IsToDevelop));
        AddTexts(body, VisitCardTexts.Recommendations(language), Answers(form, checklist, VisitReportItems.IsRecommendation));
        var card = new AdaptiveCard { Body = body, FallbackText = VisitCardTexts.ReportTitle(language) + ": " + schoolTitle + " " + date };
        CardLimits.Check(card);
        return card;
    }

    private static List<Fact> Scores(FormDefinition form, FormResponse checklist, Language language)
    {
        var summary = new FormSummary(form);
        summary.Add(checklist);
        var facts = new List<Fact>();
        string?[] series = [null, .. form.Settings.Series.Select(s => s.Id)];
        foreach (var section in form.Sections)
        {
            foreach (var one in series)
            {
                var aggregate = summary.Section(section.Id, one);
                if (aggregate.Count > 0)
                {
                    facts.Add(new Fact(section.Title.Get(language), Describe(aggregate, summary, language)));
                }
            }
        }
        foreach (var one in series)
        {
            var overall = summary.Overall(one);
            if (overall.Count > 0)
            {
                var label = one is null ? VisitCardTexts.Overall(language) : VisitCardTexts.Overall(language) + " " + form.Settings.Series.First(s => s.Id == one).Label.Get(language);
                facts.Add(new Fact(label, Describe(overall, summary, language)));
            }
        }
        var done = new ChecklistAggregate();
        foreach (var item in form.Items.OfType<ChecklistItem>())
        {
            if (checklist.Answers.Get(item.Id) is { } value)
            {
                done.Add(value);
            }
        }
        if (done.PercentDone is { } percent)
        {
            facts.Add(new Fact(VisitCardTexts.PercentDone(language), VisitCardTexts.Percent(percent)));
        }
        return facts;
    }

    private static string Describe(LikertAggregate aggregate, FormSummary summary, Language language)
    {
        var statistics = aggregate.Describe(summary.BandSet);
        return VisitCardTexts.Score(language, statistics.MeanText, statistics.Level?.Get(language));
    }

    private static List<string> Answers(FormDefinition form, FormResponse checklist, Func<string, bool> kind) =>
        [.. form.Items.OfType<TextItem>().Where(i => kind(i.Id)).Select(i => checklist.Answers.Get(i.Id)).OfType<string>().Where(a => !string.IsNullOrWhiteSpace(a))];

    private static void AddTexts(List<CardElement> body, string heading, List<string> texts)
    {
        if (texts.Count == 0)
        {
            return;
        }
        body.Add(Heading(heading));
        body.AddRange(texts.Select(t => new TextBlock { Text = t, Wrap = true, Spacing = Spacing.Small }));
    }

    private static TextBlock Heading(string text) =>
        new() { Text = text, Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large, Separator = true };
}

/// <summary>
/// Which free-text items of the unit's checklists hold what the report needs. The catalogue names
/// them the same way in every checklist (strengths, to-develop, advice, next-steps, and per domain
/// "-strengths" and "-recommendations"), so the report follows those names rather than a list per form.
/// </summary>
public static class VisitReportItems
{
    public static bool IsStrength(string itemId) => itemId == "strengths" || itemId.EndsWith("-strengths", StringComparison.Ordinal);

    public static bool IsToDevelop(string itemId) => itemId == "to-develop";

    public static bool IsRecommendation(string itemId) =>
        itemId is "advice" or "next-steps" || itemId.EndsWith("-recommendations", StringComparison.Ordinal) || itemId.EndsWith("-advice", StringComparison.Ordinal);
}
