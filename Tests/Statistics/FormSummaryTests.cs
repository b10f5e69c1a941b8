using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Tests.Statistics;

public class FormSummaryTests
{
    private static readonly FormDefinition Form = FormDefinitionLoader.Load("""
        {
          "id": "satisfaction-test",
          "version": 2,
          "kind": "satisfaction",
          "title": { "th": "ความพึงพอใจ", "en": "Satisfaction" },
          "description": { "th": "คำอธิบาย", "en": "Description" },
          "settings": {
            "roles": ["teacher"],
            "readers": ["supervisor", "unit-head"],
            "anonymous": true,
            "likertScale": "satisfaction",
            "privacyNotice": { "th": "ประกาศความเป็นส่วนตัว", "en": "Privacy notice" },
            "retention": { "years": 2 },
            "series": [{ "id": "need", "label": { "th": "ความต้องการ", "en": "Need" } }]
          },
          "sections": [
            {
              "id": "supervisor",
              "title": { "th": "ด้านผู้นิเทศ", "en": "Supervisor" },
              "items": [
                { "id": "position", "kind": "singleChoice", "label": { "th": "ตำแหน่ง", "en": "Position" },
                  "choices": [
                    { "value": "admin", "label": { "th": "ผู้บริหาร", "en": "Administrator" } },
                    { "value": "teacher", "label": { "th": "ครู", "en": "Teacher" } }
                  ] },
                { "id": "q1", "kind": "likert", "label": { "th": "ข้อ 1", "en": "Item 1" } },
                { "id": "q2", "kind": "likert", "notApplicable": true, "label": { "th": "ข้อ 2", "en": "Item 2" } },
                { "id": "c1", "kind": "checklist", "label": { "th": "ตรวจสอบ", "en": "Check" } },
                { "id": "q-excluded", "kind": "likert", "statistic": false, "label": { "th": "ไม่นับ", "en": "Not counted" } }
              ]
            },
            {
              "id": "results",
              "title": { "th": "ด้านผลการนิเทศ", "en": "Results" },
              "items": [
                { "id": "q3", "kind": "likert", "label": { "th": "ข้อ 3", "en": "Item 3" } },
                { "id": "q4", "kind": "likert", "series": "need", "label": { "th": "ข้อ 4", "en": "Item 4" } }
              ]
            }
          ]
        }
        """, "satisfaction-test.json");

    private static FormResponse Response(int number, params (string Item, string Value)[] answers) => new(
        Form.Id, Form.Version, $"SAT-{number:000}",
        FormAnswers.From(answers.Select(a => KeyValuePair.Create(a.Item, a.Value))),
        new DateTimeOffset(2025, 6, 20, 3, 0, 0, TimeSpan.Zero), Respondent: null);

    private static readonly FormResponse[] Responses =
    [
        Response(1, ("q1", "5"), ("q2", "4"), ("c1", "done"), ("q3", "4"), ("q4", "5"), ("position", "admin"), ("q-excluded", "1")),
        Response(2, ("q1", "4"), ("q2", "not-applicable"), ("c1", "not-done"), ("q3", "4"), ("q4", "3"), ("position", "teacher")),
        Response(3, ("q1", "4"), ("q2", "5"), ("c1", "not-applicable"), ("q4", "4"), ("position", "teacher")),
        Response(4, ("q1", "3"), ("q2", "3"), ("c1", "done"), ("q3", "5")),
    ];

    private static FormSummary Summarise(IEnumerable<FormResponse> responses)
    {
        var summary = new FormSummary(Form);
        foreach (var response in responses)
        {
            summary.Add(response);
        }

        return summary;
    }

    private static (long, decimal?, decimal?) Rounded(LikertAggregate aggregate) =>
        (aggregate.Count, aggregate.Mean is { } m ? decimal.Round(m, 4) : null, aggregate.StandardDeviation is { } sd ? decimal.Round(sd, 4) : null);

    [Fact]
    public void Per_item_statistics_leave_out_missing_and_not_applicable_answers()
    {
        var summary = Summarise(Responses);

        // q1: 5, 4, 4, 3 → n = 4, x̄ = 4.00, S² = (4·66 − 256) / 12 = 0.6667, S.D. = 0.8165
        Assert.Equal((4, 4.0000m, 0.8165m), Rounded(summary.Item("q1")));
        // q2: 4, (N/A), 5, 3 → n = 3, x̄ = 12 / 3 = 4.00, S² = (3·50 − 144) / 6 = 1, S.D. = 1.0000
        Assert.Equal((3, 4.0000m, 1.0000m), Rounded(summary.Item("q2")));
        // q3: 4, 4, (missing), 5 → n = 3, x̄ = 13 / 3 = 4.3333, S² = (3·57 − 169) / 6 = 0.3333, S.D. = 0.5774
        Assert.Equal((3, 4.3333m, 0.5774m), Rounded(summary.Item("q3")));
        Assert.Equal("พึงพอใจมากที่สุด", Assert.IsType<LikertItem>(Form.FindItem("q1")).Scale.Label(5).Th);
    }

    [Fact]
    public void Section_pools_every_answer_of_its_items()
    {
        var summary = Summarise(Responses);

        // รายด้าน ผู้นิเทศ = q1 ∪ q2: n = 7, Σx = 28, Σx² = 66 + 50 = 116, x̄ = 4.00
        // S² = (7·116 − 784) / 42 = 28 / 42 = 0.6667, S.D. = 0.8165
        Assert.Equal((7, 4.0000m, 0.8165m), Rounded(summary.Section("supervisor")));
        Assert.Equal("มาก", summary.Section("supervisor").Describe(Form.Settings.Scoring).Level!.Th);
    }

    [Fact]
    public void Overall_pools_the_whole_form_within_one_series()
    {
        var summary = Summarise(Responses);

        // โดยรวม = q1 ∪ q2 ∪ q3: n = 10, Σx = 41, Σx² = 116 + 57 = 173, x̄ = 4.10
        // S² = (10·173 − 1681) / 90 = 49 / 90 = 0.5444, S.D. = 0.7379
        Assert.Equal((10, 4.1000m, 0.7379m), Rounded(summary.Overall()));
        // q4 is the "need" series and never pools with the others: 5, 3, 4 → x̄ = 4.00, S.D. = 1.0000
        Assert.Equal((3, 4.0000m, 1.0000m), Rounded(summary.Overall("need")));
        Assert.Equal((3, 4.0000m, 1.0000m), Rounded(summary.Section("results", "need")));
    }

    [Fact]
    public void Items_left_out_of_statistics_are_not_counted()
    {
        var summary = Summarise(Responses);

        Assert.Throws<ArgumentException>(() => summary.Item("q-excluded"));
        Assert.Equal(10, summary.Overall().Count);
    }

    [Fact]
    public void Checklist_percentage_leaves_not_applicable_out_of_the_denominator()
    {
        var checklist = Summarise(Responses).Checklist("c1");

        // done 2, not done 1, not applicable 1 → 2 / (2 + 1) = 66.67 %, not 2 / 4 = 50 %
        Assert.Equal((2, 1, 1), (checklist.Done, checklist.NotDone, checklist.NotApplicable));
        Assert.Equal(66.67m, decimal.Round(checklist.PercentDone!.Value, 2));
    }

    [Fact]
    public void Checklist_with_nothing_applicable_has_no_percentage() =>
        Assert.Null(ChecklistAggregate.FromTotals(0, 0, 3).PercentDone);

    [Fact]
    public void Ranking_orders_by_printed_mean_and_equal_printed_means_share_a_rank()
    {
        var ranking = Summarise(Responses).Rank();

        // q3 4.33, then q1 and q2 both 4.00: they share rank 2 and keep form order.
        Assert.Equal([(1, "q3"), (2, "q1"), (2, "q2")], ranking.Select(r => (r.Rank, r.Item.Id)));
        Assert.Equal(["q4"], Summarise(Responses).Rank("need").Select(r => r.Item.Id));
        Assert.Equal(["q1", "q2"], Summarise(Responses).Rank(sectionId: "supervisor").Select(r => r.Item.Id));
    }

    [Fact]
    public void Means_that_print_the_same_share_a_rank_even_when_they_differ_unrounded()
    {
        var summary = new FormSummary(Form);
        // q1: 33 × 5 + 67 × 4 = 433 / 100 = 4.3300; q3: 5, 4, 4 repeated → 4.3333. Both print 4.33.
        for (var i = 0; i < 100; i++)
        {
            var answers = new List<(string, string)> { ("q1", i < 33 ? "5" : "4") };
            if (i < 99)
            {
                answers.Add(("q3", i % 3 == 0 ? "5" : "4"));
            }

            summary.Add(Response(i, [.. answers]));
        }

        var ranking = summary.Rank();

        Assert.True(summary.Item("q3").Mean > summary.Item("q1").Mean);
        Assert.Equal([(1, "q1", "4.33"), (1, "q3", "4.33")], ranking.Select(r => (r.Rank, r.Item.Id, r.Statistics.MeanText)));
    }

    [Fact]
    public void Printed_values_have_two_decimals_rounded_half_away_from_zero()
    {
        var q1 = Summarise(Responses).Item("q1").Describe(Form.Settings.Scoring);

        // x̄ = 4.00, S.D. = 0.8165 → 0.82
        Assert.Equal(("4.00", "0.82", 4.00m, 0.82m), (q1.MeanText, q1.StandardDeviationText, q1.ShownMean, q1.ShownStandardDeviation));
        Assert.Equal("4.51", SupervisionBot.Dialogs.Statistics.ReportNumbers.Format(4.505m));
        Assert.Equal("–", LikertAggregate.FromTotals(1, 4, 16).Describe(Form.Settings.Scoring).StandardDeviationText);
    }

    [Fact]
    public void Choice_percentages_count_only_those_who_answered()
    {
        var tally = Summarise(Responses).Choices("position");

        // 3 answered (response 4 skipped the optional question): admin 1 / 3, teacher 2 / 3
        Assert.Equal(3, tally.Answered);
        Assert.Equal(33.33m, decimal.Round(tally.Percent("admin")!.Value, 2));
        Assert.Equal(66.67m, decimal.Round(tally.Percent("teacher")!.Value, 2));
    }

    [Fact]
    public void Merged_partitions_equal_one_summary_of_everything()
    {
        var all = Summarise(Responses);
        var merged = Summarise(Responses[..2]);

        merged.Merge(Summarise(Responses[2..]));

        Assert.Equal(all.Respondents, merged.Respondents);
        foreach (var itemId in new[] { "q1", "q2", "q3", "q4" })
        {
            Assert.Equal(Rounded(all.Item(itemId)), Rounded(merged.Item(itemId)));
        }

        Assert.Equal(Rounded(all.Overall()), Rounded(merged.Overall()));
        Assert.Equal(all.Checklist("c1").PercentDone, merged.Checklist("c1").PercentDone);
        Assert.Equal(all.Choices("position").Counts, merged.Choices("position").Counts);
    }

    [Fact]
    public void Anonymous_results_from_fewer_than_five_respondents_are_suppressed()
    {
        var summary = Summarise(Responses);
        Assert.Equal(4, summary.Respondents);
        Assert.True(summary.IsSuppressed);

        summary.Add(Response(5, ("q1", "4")));

        Assert.False(summary.IsSuppressed);
    }

    [Fact]
    public void Named_forms_are_never_suppressed()
    {
        var named = Form with { Settings = Form.Settings with { Anonymous = false } };

        Assert.False(Anonymity.IsSuppressed(named, 1));
        Assert.True(Anonymity.IsSuppressed(Form, Anonymity.MinimumRespondents - 1));
    }

    [Fact]
    public void Responses_to_another_version_are_refused()
    {
        var summary = new FormSummary(Form);
        var older = Response(1, ("q1", "5")) with { FormVersion = 1 };

        var error = Assert.Throws<ArgumentException>(() => summary.Add(older));
        Assert.Contains("satisfaction-test v1, not satisfaction-test v2", error.Message);
    }
}
