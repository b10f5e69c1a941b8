using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Summaries;

/// <summary>The summary's numbers against values worked out by hand, and what it withholds.</summary>
public sealed class FormResultsTests
{
    private static readonly LocalizedText Area = new("ภาพรวมทั้งเขตพื้นที่", "The whole area");

    /// <summary>Five satisfaction responses rating every item 5, 4, 4, 3 and 5.</summary>
    private static readonly int[] FiveLevels = [5, 4, 4, 3, 5];

    private static ScopeAggregate FiveSatisfied() =>
        Of(Satisfaction, FiveLevels.Select((level, i) => SatisfactionResponse(level, i == 0 ? "อยากให้มาบ่อยขึ้น" : null)));

    [Fact]
    public void Item_section_and_overall_rows_match_the_hand_computed_mean_SD_and_level()
    {
        var results = FormResults.Build(Satisfaction, FiveSatisfied(), Area, invited: 8, showTexts: false, [], Language.Thai);

        Assert.False(results.Suppressed);
        Assert.Equal(5, results.Respondents);
        // 5 of 8 invited.
        Assert.Equal("62.50", results.ResponseRateText);
        var main = results.Tables[0];
        // An item: n = 5, Σx = 21, Σx² = 91: x̄ = 4.20, S² = (5·91 − 21²) / (5·4) = 0.70, S.D. = 0.8367.
        var expertise = main.Rows.First(r => r.Number == "1");
        Assert.Equal((5L, "4.20", "0.84", "มาก"), (expertise.N, expertise.Mean, expertise.StandardDeviation, expertise.Level));
        // ด้านผู้นิเทศ, four items pooled: n = 20, Σx = 84, Σx² = 364: S² = (20·364 − 84²) / (20·19) = 0.5895, S.D. = 0.7678.
        var supervisorSection = main.Rows.First(r => r.Number is null && r.Label == "ด้านผู้นิเทศ");
        Assert.Equal((20L, "4.20", "0.77", "มาก"), (supervisorSection.N, supervisorSection.Mean, supervisorSection.StandardDeviation, supervisorSection.Level));
        // โดยรวม, the ten items of the main measure: n = 50, Σx = 210, Σx² = 910: S² = 1400 / 2450 = 0.5714, S.D. = 0.7559.
        Assert.Equal((50L, "4.20", "0.76", "มาก"), (main.Overall.N, main.Overall.Mean, main.Overall.StandardDeviation, main.Overall.Level));
        Assert.Contains(results.SectionMeans, s => s.Label == "ด้านผลการนิเทศ" && s.Mean == 4.20m);
    }

    [Fact]
    public void Free_text_is_listed_only_to_those_allowed()
    {
        Assert.Empty(FormResults.Build(Satisfaction, FiveSatisfied(), Area, null, showTexts: false, [], Language.Thai).Texts);
        var shown = FormResults.Build(Satisfaction, FiveSatisfied(), Area, null, showTexts: true, [], Language.Thai).Texts;
        Assert.Equal(["อยากให้มาบ่อยขึ้น"], Assert.Single(shown).Answers);
    }

    [Fact]
    public void An_anonymous_form_with_fewer_than_five_respondents_shows_no_results()
    {
        var four = Of(Satisfaction, [SatisfactionResponse(5, "ผู้นิเทศมาสาย"), SatisfactionResponse(4), SatisfactionResponse(4), SatisfactionResponse(3)]);
        var results = FormResults.Build(Satisfaction, four, Area, invited: 10, showTexts: true, [], Language.Thai);

        Assert.True(results.Suppressed);
        Assert.Empty(results.Tables);
        Assert.Empty(results.SectionMeans);
        Assert.Empty(results.Texts);
        Assert.Equal("40.00", results.ResponseRateText);
    }

    [Fact]
    public void A_breakdown_line_under_five_is_withheld_with_the_next_smallest_so_the_total_cannot_reveal_it()
    {
        var groups = new (LocalizedText, ScopeAggregate)[]
        {
            (new("กลุ่ม ก", "Group A"), Of(Satisfaction, Enumerable.Range(0, 6).Select(_ => SatisfactionResponse(4)))),
            (new("กลุ่ม ข", "Group B"), Of(Satisfaction, Enumerable.Range(0, 3).Select(_ => SatisfactionResponse(2)))),
            (new("กลุ่ม ค", "Group C"), Of(Satisfaction, Enumerable.Range(0, 7).Select(_ => SatisfactionResponse(5)))),
        };
        var total = Of(Satisfaction, Enumerable.Range(0, 16).Select(_ => SatisfactionResponse(4)));
        var lines = FormResults.Build(Satisfaction, total, Area, null, false, groups, Language.Thai).Breakdown;

        Assert.Equal([true, true, false], lines.Select(l => l.Suppressed));
        Assert.Null(lines[1].Respondents);
        Assert.Null(lines[0].Mean);
        Assert.Equal((7L, "5.00", "มากที่สุด"), (lines[2].Respondents!.Value, lines[2].Mean, lines[2].Level));
    }

    [Fact]
    public void A_named_form_shows_small_breakdowns()
    {
        var schools = new (LocalizedText, ScopeAggregate)[] { (new("โรงเรียน ก", "School A"), Of(Needs, [NeedsResponse("1010", 2, 5)])) };
        var lines = FormResults.Build(Needs, Of(Needs, [NeedsResponse("1010", 2, 5)]), Area, null, false, schools, Language.Thai).Breakdown;
        Assert.False(Assert.Single(lines).Suppressed);
    }

    [Fact]
    public void Top_needs_are_ranked_by_PNI_from_the_printed_means()
    {
        // Curriculum: D = 2, I = 5 → (5 − 2) / 2 = 1.500; every other topic D = 4, I = 5 → 0.250.
        static FormResponse Response()
        {
            var response = NeedsResponse("1010", 4, 5);
            return response with { Answers = response.Answers.With("curriculum-current", "2") };
        }
        var results = FormResults.Build(Needs, Of(Needs, [Response(), Response()]), Area, null, false, [], Language.Thai);

        Assert.Equal(FormResults.TopNeedsShown, results.TopNeeds.Count);
        Assert.Equal(new TopNeed(1, "การพัฒนาหลักสูตรสถานศึกษา", "PNI 1.500", null), results.TopNeeds[0]);
        Assert.Equal("PNI 0.250", results.TopNeeds[1].Value);
        Assert.Equal(2, results.Tables.Count); // current and desired state, each with its own table
    }

    [Fact]
    public void Checklists_show_the_percentage_done_among_those_that_applied()
    {
        var iqa = Catalogue.Find("iqa-follow-up")!;
        FormResponse Visit(string stepOne) => new(iqa.Id, iqa.Version, "IQA-1", FormAnswers.From([new("step-1-done", stepOne)]), DateTimeOffset.UtcNow, "aad-sup1");
        // Done, done, not done, not applicable: 2 of the 3 it applied to = 66.67%.
        var results = FormResults.Build(iqa, Of(iqa, [Visit("done"), Visit("done"), Visit("not-done"), Visit("not-applicable")]), Area, null, false, [], Language.Thai);

        var step = results.Checklists[0];
        Assert.Equal((3L, "66.67"), (step.Applied, step.PercentDone));
    }
}
