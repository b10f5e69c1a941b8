using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>A section's pooled mean (รายด้าน), for the bar chart.</summary>
public sealed record SectionMean(string Label, decimal Mean, string MeanText, string? Level);

/// <summary>One of the top-ranked needs: by PNImodified on a needs assessment, by mean on a problems survey.</summary>
public sealed record TopNeed(int Rank, string Label, string Value, string? Level);

/// <summary>A checklist item: how many it applied to and the percentage done.</summary>
public sealed record ChecklistResult(string Label, long Applied, string PercentDone);

/// <summary>The latest free-text answers to one item (ข้อเสนอแนะ).</summary>
public sealed record TextAnswers(string Label, IReadOnlyList<string> Answers);

/// <summary>One group's or school's line in a wider summary; <see cref="Suppressed"/> lines show no numbers at all.</summary>
public sealed record BreakdownLine(string Label, long? Respondents, string? Mean, string? Level, bool Suppressed);

/// <summary>
/// Everything a summary shows, computed from aggregates alone: response rate, the Thai results
/// tables (per item, section and overall n, x̄, S.D. and level), top-ranked needs, checklist %
/// done, free text for those allowed, and a breakdown by group or school. Results an anonymous form
/// has from fewer than <see cref="Anonymity.MinimumRespondents"/> people are withheld, and so is one
/// more breakdown line whenever only one would be, since the total minus the others would give it away.
/// </summary>
public sealed record FormResults(
    string FormId,
    int FormVersion,
    string Title,
    string ScopeTitle,
    long Respondents,
    long? Invited,
    decimal? ResponseRatePercent,
    bool Suppressed,
    IReadOnlyList<SummaryTable> Tables,
    IReadOnlyList<SectionMean> SectionMeans,
    IReadOnlyList<TopNeed> TopNeeds,
    IReadOnlyList<ChecklistResult> Checklists,
    IReadOnlyList<TextAnswers> Texts,
    IReadOnlyList<BreakdownLine> Breakdown,
    string? BandSetNote)
{
    public const int TopNeedsShown = 5;

    /// <summary>"62.50" or null when the invited count is unknown.</summary>
    public string? ResponseRateText => ResponseRatePercent is { } rate ? ReportNumbers.Format(rate) : null;

    /// <param name="showTexts">Whether the reader may see free-text answers (the form's readers; never a channel post).</param>
    /// <param name="breakdown">The groups or schools inside the scope, each with its title.</param>
    public static FormResults Build(
        FormDefinition form,
        ScopeAggregate aggregate,
        LocalizedText scopeTitle,
        long? invited,
        bool showTexts,
        IReadOnlyList<(LocalizedText Title, ScopeAggregate Aggregate)> breakdown,
        Language language)
    {
        var summary = aggregate.Summary(form);
        var respondents = summary.Respondents;
        var rate = invited is > 0 ? 100m * respondents / invited.Value : (decimal?)null;
        var lines = ComputeBreakdown(form, breakdown, language);
        if (summary.IsSuppressed)
        {
            return new FormResults(form.Id, form.Version, form.Title.Get(language), scopeTitle.Get(language), respondents, invited, rate, true,
                [], [], [], [], [], lines, null);
        }
        var series = SeriesOf(form);
        var tables = series.Select(s => SummaryTable.Build(summary, language, s)!).ToArray();
        return new FormResults(
            form.Id,
            form.Version,
            form.Title.Get(language),
            scopeTitle.Get(language),
            respondents,
            invited,
            rate,
            false,
            tables,
            ComputeSectionMeans(summary, series.Count > 0 ? series[0] : null, language),
            ComputeTopNeeds(summary, series, language),
            ComputeChecklists(summary, language),
            showTexts ? ComputeTexts(form, aggregate, language) : [],
            lines,
            summary.BandSet.Describe(language));
    }

    /// <summary>The series a form's results tables come in: its main measure (items with no series) when it has one, then each named series.</summary>
    public static IReadOnlyList<string?> SeriesOf(FormDefinition form)
    {
        var scaled = form.Items.OfType<ScaledItem>().Where(i => i.InStatistics).ToArray();
        var series = new List<string?>();
        if (scaled.Any(i => i.Series is null))
        {
            series.Add(null);
        }
        series.AddRange(form.Settings.Series.Select(s => s.Id).Where(id => scaled.Any(i => i.Series == id)));
        return series;
    }

    private static SectionMean[] ComputeSectionMeans(FormSummary summary, string? series, Language language) =>
        summary.Form.Sections
            .Where(section => section.Items.OfType<ScaledItem>().Any(i => i.Series == series && i.InStatistics))
            .Select(section => (section, statistics: summary.Section(section.Id, series).Describe(summary.BandSet)))
            .Where(row => row.statistics.ShownMean is not null)
            .Select(row => new SectionMean(row.section.Title.Get(language), row.statistics.ShownMean!.Value, row.statistics.MeanText, row.statistics.Level?.Get(language)))
            .ToArray();

    private static TopNeed[] ComputeTopNeeds(FormSummary summary, IReadOnlyList<string?> series, Language language)
    {
        var form = summary.Form;
        if (form.Settings.PriorityNeeds is not null)
        {
            return summary.PriorityNeeds().Take(TopNeedsShown)
                .Select(need => new TopNeed(need.Rank, TopicLabel(need.CurrentItem.Label.Get(language)), "PNI " + need.PniText, null))
                .ToArray();
        }
        if (form.Kind is not (FormKind.NeedsSurvey or FormKind.TeachingProblemsSurvey) || series.Count == 0)
        {
            return [];
        }
        return summary.Rank(series[0]).Take(TopNeedsShown)
            .Select(ranked => new TopNeed(ranked.Rank, ranked.Item.Label.Get(language), ranked.Statistics.MeanText, ranked.Statistics.Level?.Get(language)))
            .ToArray();
    }

    /// <summary>A needs item is labelled "topic: current state"; the ranking names the topic alone.</summary>
    private static string TopicLabel(string itemLabel) => itemLabel.Split(':')[0].Trim();

    private static ChecklistResult[] ComputeChecklists(FormSummary summary, Language language) =>
        summary.Form.Items.OfType<ChecklistItem>().Where(i => i.InStatistics)
            .Select(item => (item, aggregate: summary.Checklist(item.Id)))
            .Where(row => row.aggregate.PercentDone is not null)
            .Select(row => new ChecklistResult(row.item.Label.Get(language), row.aggregate.Done + row.aggregate.NotDone, ReportNumbers.Format(row.aggregate.PercentDone)))
            .ToArray();

    private static TextAnswers[] ComputeTexts(FormDefinition form, ScopeAggregate aggregate, Language language) =>
        form.Items.OfType<TextItem>().Where(i => i.Multiline)
            .Where(item => aggregate.Texts.TryGetValue(item.Id, out var kept) && kept.Count > 0)
            .Select(item => new TextAnswers(item.Label.Get(language), aggregate.Texts[item.Id].Select(text => text.Text).ToArray()))
            .ToArray();

    private static BreakdownLine[] ComputeBreakdown(FormDefinition form, IReadOnlyList<(LocalizedText Title, ScopeAggregate Aggregate)> breakdown, Language language)
    {
        var rows = breakdown
            .Select(part => (part.Title, Summary: part.Aggregate.Summary(form)))
            .OrderBy(part => part.Title.Get(language), StringComparer.Ordinal)
            .ToArray();
        var withheld = rows.Where(r => r.Summary.IsSuppressed).Select(r => r.Title).ToHashSet();
        if (withheld.Count == 1 && rows.Length > 1)
        {
            // The smallest other line goes too, or the area total minus the rest would give the withheld one away.
            withheld.Add(rows.Where(r => !r.Summary.IsSuppressed).MinBy(r => r.Summary.Respondents).Title);
        }
        var all = SeriesOf(form);
        var primary = all.Count > 0 ? all[0] : null;
        return rows.Select(row =>
        {
            if (withheld.Contains(row.Title))
            {
                return new BreakdownLine(row.Title.Get(language), null, null, null, true);
            }
            var overall = row.Summary.Overall(primary).Describe(row.Summary.BandSet);
            return new BreakdownLine(row.Title.Get(language), row.Summary.Respondents, overall.MeanText, overall.Level?.Get(language), false);
        }).ToArray();
    }
}
