using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Statistics;

/// <summary>An item's place when items are ordered by mean (อันดับ); items with equal printed means share a rank.</summary>
public sealed record RankedItem(int Rank, FormItem Item, ScaleStatistics Statistics);

/// <summary>
/// One topic of a needs assessment: the desired state (I, สภาพที่พึงประสงค์), the current state
/// (D, สภาพที่เป็นจริง) and PNImodified = (I − D) / D, rounded to three decimals, with its rank.
/// </summary>
public sealed record PriorityNeed(int Rank, string Topic, ScaledItem CurrentItem, ScaledItem DesiredItem, ScaleStatistics Current, ScaleStatistics Desired, decimal Pni)
{
    public string PniText => ReportNumbers.Format(Pni, ReportNumbers.IndexDecimals);
}

/// <summary>
/// Running statistics of one form version: per item (รายข้อ), per section (รายด้าน) and overall
/// (โดยรวม). Only mergeable totals are kept, so summaries of partitions (schools, groups, months)
/// combine into the same numbers as adding every response to one summary. Missing answers and
/// not-applicable answers are left out of every count.
/// </summary>
public sealed class FormSummary
{
    private readonly Dictionary<string, LikertAggregate> scaled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChecklistAggregate> checklists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChoiceTally> choices = new(StringComparer.Ordinal);

    public FormSummary(FormDefinition form)
    {
        Form = form;
        foreach (var item in form.Items)
        {
            switch (item)
            {
                case ScaledItem { InStatistics: true }:
                    scaled.Add(item.Id, new LikertAggregate());
                    break;
                case ChecklistItem { InStatistics: true }:
                    checklists.Add(item.Id, new ChecklistAggregate());
                    break;
                case ChoiceItem or PickerItem:
                    choices.Add(item.Id, new ChoiceTally());
                    break;
            }
        }
    }

    public FormDefinition Form { get; }

    /// <summary>
    /// Rebuilds a summary from stored totals (<see cref="ToTotals"/>), so it can be kept up to date
    /// one response at a time without re-reading responses. Totals of items the form no longer
    /// counts are ignored; items with no stored totals start at zero.
    /// </summary>
    public static FormSummary FromTotals(FormDefinition form, SummaryTotals totals)
    {
        var summary = new FormSummary(form) { Respondents = totals.Respondents };
        foreach (var (itemId, t) in totals.Scaled)
        {
            if (summary.scaled.ContainsKey(itemId) && t is [var n, var sum, var squares])
            {
                summary.scaled[itemId] = LikertAggregate.FromTotals(n, sum, squares);
            }
        }

        foreach (var (itemId, t) in totals.Checklists)
        {
            if (summary.checklists.ContainsKey(itemId) && t is [var done, var notDone, var notApplicable])
            {
                summary.checklists[itemId] = ChecklistAggregate.FromTotals(done, notDone, notApplicable);
            }
        }

        foreach (var (itemId, t) in totals.Choices)
        {
            if (summary.choices.ContainsKey(itemId))
            {
                summary.choices[itemId] = ChoiceTally.FromCounts(t.Answered, t.Counts);
            }
        }

        return summary;
    }

    /// <summary>The totals this summary holds, for storing; <see cref="FromTotals"/> reads them back.</summary>
    public SummaryTotals ToTotals() => new()
    {
        Respondents = Respondents,
        Scaled = scaled.ToDictionary(p => p.Key, p => new[] { p.Value.Count, p.Value.Sum, p.Value.SumOfSquares }, StringComparer.Ordinal),
        Checklists = checklists.ToDictionary(p => p.Key, p => new[] { p.Value.Done, p.Value.NotDone, p.Value.NotApplicable }, StringComparer.Ordinal),
        Choices = choices.ToDictionary(
            p => p.Key,
            p => new ChoiceTotals { Answered = p.Value.Answered, Counts = new Dictionary<string, long>(p.Value.Counts, StringComparer.Ordinal) },
            StringComparer.Ordinal),
    };

    public long Respondents { get; private set; }

    /// <summary>
    /// True when these results must not be shown: an anonymous form answered by fewer than
    /// <see cref="Anonymity.MinimumRespondents"/> people could be traced back to them.
    /// </summary>
    public bool IsSuppressed => Anonymity.IsSuppressed(Form, Respondents);

    public void Add(FormResponse response)
    {
        // Another version may have different items under the same ids, so its answers are not comparable.
        if (response.FormId != Form.Id || response.FormVersion != Form.Version)
        {
            throw new ArgumentException(
                $"Response {response.ReferenceNumber} answers {response.FormId} v{response.FormVersion}, not {Form.Id} v{Form.Version}.",
                nameof(response));
        }

        Respondents++;
        foreach (var (itemId, aggregate) in scaled)
        {
            if (int.TryParse(response.Answers.Get(itemId), out var level) && level is >= FiveLevelScale.Lowest and <= FiveLevelScale.Highest)
            {
                aggregate.Add(level);
            }
        }

        foreach (var (itemId, aggregate) in checklists)
        {
            if (response.Answers.Get(itemId) is { } value)
            {
                aggregate.Add(value);
            }
        }

        foreach (var (itemId, tally) in choices)
        {
            tally.Add(response.Answers.GetValues(itemId));
        }
    }

    public void Merge(FormSummary other)
    {
        if (other.Form.Id != Form.Id || other.Form.Version != Form.Version)
        {
            throw new ArgumentException($"Cannot merge {other.Form.Id} v{other.Form.Version} into {Form.Id} v{Form.Version}.", nameof(other));
        }

        Respondents += other.Respondents;
        foreach (var (itemId, aggregate) in other.scaled)
        {
            scaled[itemId].Merge(aggregate);
        }

        foreach (var (itemId, aggregate) in other.checklists)
        {
            checklists[itemId].Merge(aggregate);
        }

        foreach (var (itemId, tally) in other.choices)
        {
            choices[itemId].Merge(tally);
        }
    }

    /// <summary>The totals of a Likert or rating item that counts in statistics.</summary>
    public LikertAggregate Item(string itemId) => Lookup(scaled, itemId, "a Likert or rating item in statistics");

    public ChecklistAggregate Checklist(string itemId) => Lookup(checklists, itemId, "a checklist item in statistics");

    public ChoiceTally Choices(string itemId) => Lookup(choices, itemId, "a choice or picker item");

    /// <summary>
    /// รายด้าน: every answer to the section's scaled items of one series pooled together (not a mean
    /// of item means), which is how Thai reports compute an aspect's x̄ and S.D.
    /// </summary>
    public LikertAggregate Section(string sectionId, string? series = null)
    {
        var section = Form.FindSection(sectionId) ?? throw new ArgumentException($"Form '{Form.Id}' has no section '{sectionId}'.", nameof(sectionId));
        return Pool(section.Items, series);
    }

    /// <summary>โดยรวม: every answer to the form's scaled items of one series pooled together.</summary>
    public LikertAggregate Overall(string? series = null) => Pool(Form.Items, series);

    /// <summary>The criterion that turns means into levels; every summary shown names it (<see cref="LikertBandSet.Name"/>).</summary>
    public LikertBandSet BandSet => Form.Settings.Scoring;

    /// <summary>
    /// Scaled items of one series (optionally of one section) ordered by mean as printed (two
    /// decimals), highest first. Items whose printed means are equal share a rank and keep form
    /// order. Items nobody answered have no mean and are left out.
    /// </summary>
    public IReadOnlyList<RankedItem> Rank(string? series = null, string? sectionId = null)
    {
        var items = sectionId is null
            ? Form.Items
            : (Form.FindSection(sectionId) ?? throw new ArgumentException($"Form '{Form.Id}' has no section '{sectionId}'.", nameof(sectionId))).Items;
        var ordered = items
            .OfType<ScaledItem>()
            .Where(item => item.Series == series && scaled.ContainsKey(item.Id) && scaled[item.Id].Count > 0)
            .Select(item => (Item: item, Statistics: scaled[item.Id].Describe(Form.Settings.Scoring)))
            .OrderByDescending(row => row.Statistics.ShownMean) // a stable sort, so ties stay in form order
            .ToArray();
        var ranks = ReportNumbers.SharedRanks(ordered, row => row.Statistics.ShownMean!.Value);
        return ordered.Select((row, index) => new RankedItem(ranks[index], row.Item, row.Statistics)).ToArray();
    }

    /// <summary>
    /// A needs assessment's topics ranked by PNImodified = (I − D) / D, highest first, where I and D
    /// are the printed (two-decimal) means of the desired-state and current-state items, so a reader
    /// can check each index from the table. Topics missing either mean are left out.
    /// </summary>
    public IReadOnlyList<PriorityNeed> PriorityNeeds()
    {
        var needs = Form.Settings.PriorityNeeds
            ?? throw new InvalidOperationException($"Form '{Form.Id}' v{Form.Version} is not a needs assessment (settings.priorityNeeds).");
        var byTopic = Form.Items.OfType<ScaledItem>().Where(item => item.Topic is not null).ToLookup(item => item.Topic!);
        var ordered = byTopic
            .Select(topic => (
                Topic: topic.Key,
                Current: topic.Single(item => item.Series == needs.Current),
                Desired: topic.Single(item => item.Series == needs.Desired)))
            .Select(pair => (Pair: pair, D: Item(pair.Current.Id).Describe(BandSet), I: Item(pair.Desired.Id).Describe(BandSet)))
            .Where(row => row.D.ShownMean is not null && row.I.ShownMean is not null)
            .Select(row => (row.Pair, row.D, row.I, Pni: ReportNumbers.Shown((row.I.ShownMean!.Value - row.D.ShownMean!.Value) / row.D.ShownMean.Value, ReportNumbers.IndexDecimals)))
            .OrderByDescending(row => row.Pni)
            .ToArray();
        var ranks = ReportNumbers.SharedRanks(ordered, row => row.Pni);
        return ordered
            .Select((row, index) => new PriorityNeed(ranks[index], row.Pair.Topic, row.Pair.Current, row.Pair.Desired, row.D, row.I, row.Pni))
            .ToArray();
    }

    private LikertAggregate Pool(IEnumerable<FormItem> items, string? series)
    {
        var pooled = new LikertAggregate();
        foreach (var item in items.OfType<ScaledItem>().Where(i => i.Series == series && scaled.ContainsKey(i.Id)))
        {
            pooled.Merge(scaled[item.Id]);
        }

        return pooled;
    }

    private T Lookup<T>(Dictionary<string, T> aggregates, string itemId, string expected) =>
        aggregates.TryGetValue(itemId, out var aggregate)
            ? aggregate
            : throw new ArgumentException($"'{itemId}' is not {expected} of form '{Form.Id}'.", nameof(itemId));
}

/// <summary>The rule that keeps anonymous answers anonymous in reports (domain primer §7).</summary>
public static class Anonymity
{
    /// <summary>Below this many respondents a breakdown could point at individuals (a small department, a lone supervisor).</summary>
    public const int MinimumRespondents = 5;

    /// <summary>Whether results (overall or any breakdown of them) from this many respondents must be withheld.</summary>
    public static bool IsSuppressed(FormDefinition form, long respondents) =>
        form.Settings.Anonymous && respondents < MinimumRespondents;
}
