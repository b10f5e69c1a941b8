namespace SupervisionBot.Dialogs.Statistics;

/// <summary>
/// How many respondents chose each value of a choice or picker item, for the percentage tables of
/// respondent details (e.g. ผู้บริหาร 20%, ครู 80%). Mergeable like <see cref="LikertAggregate"/>.
/// </summary>
public sealed class ChoiceTally
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    /// <summary>Respondents who answered the item; with multiple choice, percentages may add up to more than 100.</summary>
    public long Answered { get; private set; }

    public IReadOnlyDictionary<string, long> Counts => counts;

    /// <summary>Rebuilds a tally from stored totals.</summary>
    public static ChoiceTally FromCounts(long answered, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(answered);
        var tally = new ChoiceTally { Answered = answered };
        foreach (var (value, count) in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            tally.counts[value] = count;
        }

        return tally;
    }

    public void Add(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Answered++;
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
    }

    public void Merge(ChoiceTally other)
    {
        Answered += other.Answered;
        foreach (var (value, count) in other.counts)
        {
            counts[value] = counts.GetValueOrDefault(value) + count;
        }
    }

    public decimal? Percent(string value) => Answered == 0 ? null : 100m * counts.GetValueOrDefault(value) / Answered;
}
