using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Tests.Statistics;

/// <summary>The built-in forms summarise as the manual reads them, and responses to an older version keep its definition.</summary>
public class BuiltInFormStatisticsTests
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    private static FormSummary Summarise(FormDefinition form, params Dictionary<string, string>[] responses)
    {
        var summary = new FormSummary(form);
        for (var i = 0; i < responses.Length; i++)
        {
            summary.Add(new FormResponse(form.Id, form.Version, $"R-{i}", FormAnswers.From(responses[i]), DateTimeOffset.UnixEpoch, form.Settings.Anonymous ? null : "aad"));
        }

        return summary;
    }

    [Fact]
    public void Iqa_overall_scores_never_pool_step_ratings_with_standard_ratings()
    {
        var form = Catalogue.Find("iqa-follow-up")!;
        var answers = Enumerable.Range(1, 6).ToDictionary(step => $"step-{step}-quality", _ => "5");
        answers["standard-1"] = answers["standard-2"] = answers["standard-3"] = "2";

        var summary = Summarise(form, answers);

        Assert.Equal((6, 5.00m), (summary.Overall("steps").Count, summary.Overall("steps").Mean!.Value));
        Assert.Equal((3, 2.00m), (summary.Overall("standards").Count, summary.Overall("standards").Mean!.Value));
        Assert.Equal(0, summary.Overall().Count);
    }

    [Fact]
    public void Satisfaction_mean_leaves_out_motivation_and_the_wish_for_follow_up()
    {
        var form = Catalogue.Find("supervision-satisfaction")!;
        var answers = form.Items.OfType<LikertItem>().Where(i => i.Series is null).ToDictionary(i => i.Id, _ => "4");
        answers["motivation"] = answers["wish-follow-up"] = "1";

        var summary = Summarise(form, [.. Enumerable.Repeat(answers, 5)]);

        Assert.Equal(4.00m, summary.Overall().Mean);
        Assert.Equal(1.00m, summary.Overall("opinion").Mean);
    }

    [Fact]
    public void Responses_to_an_older_version_are_summarised_with_that_version()
    {
        var older = Catalogue.Find("supervision-satisfaction", 1)!;
        // In version 1 the wish for follow-up was a satisfaction item and counted in the mean.
        var answers = older.Items.OfType<LikertItem>().ToDictionary(i => i.Id, i => i.Id == "wish-follow-up" ? "1" : "5");
        var summary = Summarise(older, [.. Enumerable.Repeat(answers, 5)]);

        Assert.Equal(12, older.Items.OfType<LikertItem>().Count());
        Assert.Equal(4.67m, summary.Overall().Describe(summary.BandSet).ShownMean);
        Assert.Throws<ArgumentException>(() => new FormSummary(Catalogue.Find("supervision-satisfaction")!).Add(
            new FormResponse(older.Id, older.Version, "R-old", FormAnswers.From(answers), DateTimeOffset.UnixEpoch, null)));
    }

    [Fact]
    public void Every_summary_table_names_its_band_set()
    {
        var form = Catalogue.Find("teaching-supervision")!;
        var answers = form.Items.OfType<LikertItem>().ToDictionary(i => i.Id, _ => "4");

        var table = SummaryTable.Build(Summarise(form, answers, answers), Language.Thai)!;

        Assert.Equal("เกณฑ์ของบุญชม ศรีสะอาด (2545) ช่วงละ 0.50", table.BandSetName);
        Assert.StartsWith("แปลความหมายค่าเฉลี่ยตามเกณฑ์ของบุญชม ศรีสะอาด (2545) ช่วงละ 0.50 ได้แก่ 4.51–5.00 มากที่สุด 3.51–4.50 มาก", table.BandSetNote);
        Assert.Equal(("4.00", "0.00", "มาก"), (table.Overall.Mean, table.Overall.StandardDeviation, table.Overall.Level));
        Assert.Equal(["1", "2", "3", "4", "5", null, "6", "7", "8", "9", null], table.Rows.Select(r => r.Number));
        Assert.All(table.Rows.Where(r => r.Number is not null), r => Assert.Equal(1, r.Rank));
    }

    [Fact]
    public void The_equal_interval_band_set_is_named_when_a_form_chooses_it()
    {
        Assert.Equal("Means are read with equal-interval bands, 0.80 wide: 4.21–5.00 Highest, 3.41–4.20 High, 2.61–3.40 Moderate, 1.81–2.60 Low, 1.00–1.80 Lowest",
            LikertBandSet.Equal.Describe(Language.English));
    }

    [Fact]
    public void An_anonymous_summary_of_too_few_respondents_has_no_table()
    {
        var form = Catalogue.Find("supervision-satisfaction")!;

        Assert.Null(SummaryTable.Build(Summarise(form, new Dictionary<string, string> { ["expertise"] = "5" }), Language.Thai));
    }
}
