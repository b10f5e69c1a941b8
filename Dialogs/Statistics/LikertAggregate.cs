using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Statistics;

/// <summary>
/// Count, sum and sum of squares of 1–5 answers. These three add up across partitions, so a summary
/// can be kept up to date one response at a time and merged without re-reading responses. Answers
/// are whole numbers, so the totals are exact and the order of adding and merging does not matter.
/// </summary>
public sealed class LikertAggregate
{
    public long Count { get; private set; }

    public long Sum { get; private set; }

    public long SumOfSquares { get; private set; }

    /// <summary>Rebuilds an aggregate from stored totals.</summary>
    public static LikertAggregate FromTotals(long count, long sum, long sumOfSquares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 ? sum != 0 || sumOfSquares != 0 : sum < count * FiveLevelScale.Lowest || sum > count * FiveLevelScale.Highest)
        {
            throw new ArgumentException($"Totals n = {count}, Σx = {sum} cannot come from answers of 1–5.", nameof(sum));
        }

        return new LikertAggregate { Count = count, Sum = sum, SumOfSquares = sumOfSquares };
    }

    public void Add(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, FiveLevelScale.Lowest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, FiveLevelScale.Highest);
        Count++;
        Sum += value;
        SumOfSquares += value * value;
    }

    public void Merge(LikertAggregate other)
    {
        Count += other.Count;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
    }

    /// <summary>x̄; null when nobody answered.</summary>
    public decimal? Mean => Count == 0 ? null : (decimal)Sum / Count;

    /// <summary>
    /// Sample S.D. (divisor n − 1), as Thai reports use. Null when n &lt; 2: one answer says nothing
    /// about spread, and printing 0.00 would claim that it does.
    /// </summary>
    public decimal? StandardDeviation
    {
        get
        {
            if (Count < 2)
            {
                return null;
            }

            // S² = (nΣx² − (Σx)²) / (n(n − 1)), evaluated in integers until the last step.
            var numerator = (decimal)Count * SumOfSquares - (decimal)Sum * Sum;
            var variance = numerator / ((decimal)Count * (Count - 1));
            return (decimal)Math.Sqrt((double)variance);
        }
    }

    /// <summary>The numbers a report row needs: n, x̄, S.D. and the level (ระดับ) the mean falls in.</summary>
    public ScaleStatistics Describe(LikertBandSet bands) =>
        new(Count, Mean, StandardDeviation, Mean is { } mean ? bands.Find(mean).Label : null);
}

/// <summary>
/// One row of a Thai results table: n | x̄ | S.D. | ระดับ. <see cref="Mean"/> and
/// <see cref="StandardDeviation"/> are exact; the shown values are what a table prints and ranks on.
/// </summary>
public sealed record ScaleStatistics(long N, decimal? Mean, decimal? StandardDeviation, LocalizedText? Level)
{
    public decimal? ShownMean => Mean is { } mean ? ReportNumbers.Shown(mean) : null;

    public decimal? ShownStandardDeviation => StandardDeviation is { } sd ? ReportNumbers.Shown(sd) : null;

    /// <summary>"4.25", or "–" when nobody answered.</summary>
    public string MeanText => ReportNumbers.Format(Mean);

    /// <summary>"0.71", or "–" when fewer than two answered.</summary>
    public string StandardDeviationText => ReportNumbers.Format(StandardDeviation);
}
