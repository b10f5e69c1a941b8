using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Summaries;

/// <summary>Places merged into a wider scope: totals add up as if counted together, and the latest texts win across places.</summary>
public sealed class ScopeAggregateTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merging_places_gives_the_totals_of_counting_all_their_responses_in_one()
    {
        var a = new[] { NeedsResponse("1010", 2, 5), NeedsResponse("1010", 4, 4) };
        var b = new[] { NeedsResponse("2020", 3, 5) };

        var merged = ScopeAggregate.Merge(Needs, [Of(Needs, a), Of(Needs, b), new ScopeAggregate()]);

        var together = Of(Needs, [.. a, .. b]);
        Assert.Equal(together.Totals.Respondents, merged.Totals.Respondents);
        Assert.Equal(together.Totals.Scaled["curriculum-current"], merged.Totals.Scaled["curriculum-current"]);
        Assert.Equal(together.Summary(Needs).Overall("current").SumOfSquares, merged.Summary(Needs).Overall("current").SumOfSquares);
    }

    [Fact]
    public void The_latest_five_texts_of_all_places_are_kept_newest_first()
    {
        FormResponse Said(string school, string text, int hour) => NeedsResponse(school, 3, 5, text) with { SubmittedUtc = Monday.AddHours(hour) };
        var first = Of(Needs, [Said("1010", "a0", 0), Said("1010", "a4", 4), Said("1010", "a5", 5)]);
        var second = Of(Needs, [Said("2020", "b1", 1), Said("2020", "b2", 2), Said("2020", "b3", 3), Said("2020", "b6", 6)]);

        var merged = ScopeAggregate.Merge(Needs, [first, second]);

        Assert.Equal(["b6", "a5", "a4", "b3", "b2"], merged.Texts["suggestions"].Select(t => t.Text));
        Assert.Equal(["a5", "a4", "a0"], first.Texts["suggestions"].Select(t => t.Text));
    }
}
