using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Tests.Statistics;

/// <summary>Needs ranked by PNImodified = (I − D) / D from the printed item means, checked against values worked by hand.</summary>
public class PriorityNeedsTests
{
    private static readonly FormDefinition Form = FormDefinitionLoader.Load("""
        {
          "id": "needs-test",
          "version": 1,
          "kind": "needs-survey",
          "title": { "th": "ความต้องการจำเป็น", "en": "Needs" },
          "description": { "th": "คำอธิบาย", "en": "Description" },
          "settings": {
            "roles": ["director"],
            "readers": ["supervisor"],
            "anonymous": false,
            "privacyNotice": { "th": "ประกาศความเป็นส่วนตัว", "en": "Privacy notice" },
            "retention": { "years": 3 },
            "series": [
              { "id": "current", "label": { "th": "สภาพที่เป็นจริง", "en": "Current" } },
              { "id": "desired", "label": { "th": "สภาพที่พึงประสงค์", "en": "Desired" } }
            ],
            "priorityNeeds": { "current": "current", "desired": "desired" }
          },
          "sections": [
            {
              "id": "academic",
              "title": { "th": "ด้านการบริหารงานวิชาการ", "en": "Academic" },
              "items": [
                { "id": "a-current", "kind": "likert", "series": "current", "topic": "a", "label": { "th": "ก สภาพที่เป็นจริง", "en": "A now" } },
                { "id": "a-desired", "kind": "likert", "series": "desired", "topic": "a", "label": { "th": "ก สภาพที่พึงประสงค์", "en": "A desired" } },
                { "id": "b-current", "kind": "likert", "series": "current", "topic": "b", "label": { "th": "ข สภาพที่เป็นจริง", "en": "B now" } },
                { "id": "b-desired", "kind": "likert", "series": "desired", "topic": "b", "label": { "th": "ข สภาพที่พึงประสงค์", "en": "B desired" } },
                { "id": "c-current", "kind": "likert", "series": "current", "topic": "c", "label": { "th": "ค สภาพที่เป็นจริง", "en": "C now" } },
                { "id": "c-desired", "kind": "likert", "series": "desired", "topic": "c", "label": { "th": "ค สภาพที่พึงประสงค์", "en": "C desired" } },
                { "id": "e-current", "kind": "likert", "series": "current", "topic": "e", "label": { "th": "จ สภาพที่เป็นจริง", "en": "E now" } },
                { "id": "e-desired", "kind": "likert", "series": "desired", "topic": "e", "label": { "th": "จ สภาพที่พึงประสงค์", "en": "E desired" } },
                { "id": "f-current", "kind": "likert", "series": "current", "topic": "f", "label": { "th": "ฉ สภาพที่เป็นจริง", "en": "F now" } },
                { "id": "f-desired", "kind": "likert", "series": "desired", "topic": "f", "label": { "th": "ฉ สภาพที่พึงประสงค์", "en": "F desired" } }
              ]
            }
          ]
        }
        """, "needs-test.json");

    private static FormSummary Summarise(params Dictionary<string, string>[] responses)
    {
        var summary = new FormSummary(Form);
        for (var i = 0; i < responses.Length; i++)
        {
            summary.Add(new FormResponse(Form.Id, Form.Version, $"NS-{i}", FormAnswers.From(responses[i]), DateTimeOffset.UnixEpoch, "aad-" + i));
        }

        return summary;
    }

    [Fact]
    public void Needs_are_ranked_by_pni_from_the_printed_means_and_equal_indices_share_a_rank()
    {
        var summary = Summarise(
            new() { ["a-current"] = "3", ["a-desired"] = "5", ["b-current"] = "2", ["b-desired"] = "4", ["c-current"] = "4", ["c-desired"] = "5", ["e-current"] = "2", ["e-desired"] = "3", ["f-current"] = "3" },
            new() { ["a-current"] = "3", ["a-desired"] = "5", ["b-current"] = "3", ["b-desired"] = "5", ["c-current"] = "4", ["c-desired"] = "5", ["e-current"] = "2", ["e-desired"] = "2" },
            new() { ["a-current"] = "4", ["a-desired"] = "4" });

        var needs = summary.PriorityNeeds();

        // b: D = 2.50, I = 4.50 → (4.50 − 2.50) / 2.50 = 0.800
        // a: D = 10/3 → 3.33, I = 14/3 → 4.67 → (4.67 − 3.33) / 3.33 = 0.402 (0.400 from unrounded means)
        // c: D = 4.00, I = 5.00 → 0.250; e: D = 2.00, I = 2.50 → 0.250, sharing rank 3
        // f has no desired-state answer and is left out.
        Assert.Equal(
            [(1, "b", "2.50", "4.50", "0.800"), (2, "a", "3.33", "4.67", "0.402"), (3, "c", "4.00", "5.00", "0.250"), (3, "e", "2.00", "2.50", "0.250")],
            needs.Select(n => (n.Rank, n.Topic, n.Current.MeanText, n.Desired.MeanText, n.PniText)));
        Assert.Equal("a-current", needs[1].CurrentItem.Id);
        Assert.Equal("0.58", needs[1].Current.StandardDeviationText);
    }

    [Fact]
    public void A_form_that_is_not_a_needs_assessment_has_no_pni()
    {
        var older = FormCatalogue.LoadBuiltIn().Find("school-administration-needs", 1)!;

        Assert.Throws<InvalidOperationException>(() => new FormSummary(older).PriorityNeeds());
    }
}
