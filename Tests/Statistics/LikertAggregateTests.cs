using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Tests.Statistics;

public class LikertAggregateTests
{
    private static LikertAggregate Of(params int[] values)
    {
        var aggregate = new LikertAggregate();
        foreach (var value in values)
        {
            aggregate.Add(value);
        }

        return aggregate;
    }

    [Fact]
    public void Mean_and_sample_sd_match_hand_computation()
    {
        // 5, 4, 4, 3: n = 4, Σx = 16, Σx² = 25 + 16 + 16 + 9 = 66, x̄ = 16 / 4 = 4.00
        // S² = (nΣx² − (Σx)²) / (n(n − 1)) = (264 − 256) / 12 = 0.6667, S.D. = √0.6667 = 0.8165
        var aggregate = Of(5, 4, 4, 3);

        Assert.Equal((4, 16, 66), (aggregate.Count, aggregate.Sum, aggregate.SumOfSquares));
        Assert.Equal(4.00m, aggregate.Mean);
        Assert.Equal(0.8165m, decimal.Round(aggregate.StandardDeviation!.Value, 4));
    }

    [Fact]
    public void Sd_uses_n_minus_one_not_n()
    {
        // 1, 5: x̄ = 3; deviations ±2, Σ(x − x̄)² = 8; sample S² = 8 / 1 = 8, S.D. = 2.8284
        // (the population S.D. would be √(8 / 2) = 2.0000)
        Assert.Equal(2.8284m, decimal.Round(Of(1, 5).StandardDeviation!.Value, 4));
    }

    [Fact]
    public void One_answer_has_a_mean_but_no_sd()
    {
        var aggregate = Of(4);

        Assert.Equal(4m, aggregate.Mean);
        Assert.Null(aggregate.StandardDeviation);
    }

    [Fact]
    public void No_answers_have_neither()
    {
        var statistics = new LikertAggregate().Describe(LikertBandSet.Default);

        Assert.Equal(new ScaleStatistics(0, null, null, null), statistics);
    }

    [Fact]
    public void All_answers_equal_give_sd_zero()
    {
        // 3, 3, 3: S² = (3·27 − 81) / 6 = 0
        Assert.Equal(0m, Of(3, 3, 3).StandardDeviation);
    }

    [Fact]
    public void Merge_equals_adding_everything_to_one_aggregate()
    {
        var left = Of(5, 4, 4);
        var right = Of(2, 1, 5, 3);
        var all = Of(5, 4, 4, 2, 1, 5, 3);

        left.Merge(right);

        Assert.Equal((all.Count, all.Sum, all.SumOfSquares), (left.Count, left.Sum, left.SumOfSquares));
        Assert.Equal(all.StandardDeviation, left.StandardDeviation);
    }

    [Fact]
    public void Describe_reads_the_mean_as_a_level()
    {
        // 5, 5, 4, 4: x̄ = 18 / 4 = 4.50 → มาก (4.51 would be มากที่สุด)
        // S² = (4·82 − 324) / 12 = 4 / 12 = 0.3333, S.D. = 0.5774
        var statistics = Of(5, 5, 4, 4).Describe(LikertBandSet.Default);

        Assert.Equal(4, statistics.N);
        Assert.Equal(4.50m, statistics.Mean);
        Assert.Equal(0.5774m, decimal.Round(statistics.StandardDeviation!.Value, 4));
        Assert.Equal("มาก", statistics.Level!.Th);
        Assert.Equal("มากที่สุด", LikertBandSet.Equal.Find(statistics.Mean!.Value).Label.Th);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Values_outside_one_to_five_are_refused(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LikertAggregate().Add(value));

    [Fact]
    public void Stored_totals_round_trip()
    {
        var original = Of(5, 3, 2);

        var restored = LikertAggregate.FromTotals(original.Count, original.Sum, original.SumOfSquares);

        Assert.Equal(original.StandardDeviation, restored.StandardDeviation);
        Assert.Throws<ArgumentException>(() => LikertAggregate.FromTotals(2, 11, 61));
    }
}
