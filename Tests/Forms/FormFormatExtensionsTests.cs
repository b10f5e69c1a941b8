using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

/// <summary>The settings and item properties added for the manual's forms: readers, checklist answer wording, needs assessment by PNI.</summary>
public class FormFormatExtensionsTests
{
    private static FormDefinitionException Rejected(string json) => Assert.Throws<FormDefinitionException>(() => FormJson.Load(json));

    private static string NeedsForm(Action<JsonObject>? change = null) => FormJson.With(f =>
    {
        f["settings"]!["series"] = new JsonArray(
            new JsonObject { ["id"] = "current", ["label"] = new JsonObject { ["th"] = "สภาพที่เป็นจริง", ["en"] = "Current" } },
            new JsonObject { ["id"] = "desired", ["label"] = new JsonObject { ["th"] = "สภาพที่พึงประสงค์", ["en"] = "Desired" } });
        f["settings"]!["priorityNeeds"] = new JsonObject { ["current"] = "current", ["desired"] = "desired" };
        f.Item(0, 1)["series"] = "current";
        f.Item(0, 1)["topic"] = "curriculum";
        f.Items(0).Add(JsonNode.Parse("""{ "id": "q1-desired", "kind": "likert", "series": "desired", "topic": "curriculum", "label": { "th": "ข้อ 1 สภาพที่พึงประสงค์", "en": "Item 1 desired" } }"""));
        change?.Invoke(f);
    });

    [Fact]
    public void Readers_are_read_and_required()
    {
        var form = FormJson.Load();
        Assert.Equal([RespondentRole.Supervisor, RespondentRole.UnitHead], form.Settings.Readers.Order());
        Assert.True(form.CanBeReadBy(RespondentRole.UnitHead));
        Assert.False(form.CanBeReadBy(RespondentRole.Teacher));

        var missing = Rejected(FormJson.With(f => f["settings"]!.AsObject().Remove("readers")));
        Assert.Equal(("$.settings.readers", "missing required property 'readers'"), (missing.JsonPath, missing.Problem));
        var unknown = Rejected(FormJson.With(f => f["settings"]!["readers"] = new JsonArray("principal")));
        Assert.Equal("$.settings.readers[0]", unknown.JsonPath);
    }

    [Theory]
    [InlineData("presence", "มี", "ไม่มี")]
    [InlineData("completion", "ดำเนินการแล้ว", "ยังไม่ได้ดำเนินการ")]
    [InlineData("practice", "ปฏิบัติ", "ไม่ปฏิบัติ")]
    public void Checklist_answers_can_be_named_by_preset(string preset, string done, string notDone)
    {
        var item = Checklist(new JsonObject { ["answers"] = preset });

        Assert.Equal((done, notDone), (item.AnswerLabel(ChecklistItem.Done)!.Th, item.AnswerLabel(ChecklistItem.NotDone)!.Th));
        Assert.Equal("ไม่เกี่ยวข้อง", item.AnswerLabel(ChecklistItem.NotApplicable)!.Th);
        Assert.Null(item.AnswerLabel("yes"));
    }

    [Fact]
    public void Checklist_answers_can_be_spelled_out_and_default_to_practice()
    {
        var custom = Checklist(JsonNode.Parse("""{ "answers": { "done": { "th": "ผ่าน", "en": "Passed" }, "notDone": { "th": "ไม่ผ่าน", "en": "Not passed" } } }""")!.AsObject());

        Assert.Equal("ผ่าน", custom.AnswerLabel(ChecklistItem.Done)!.Th);
        Assert.Same(ChecklistAnswers.Practice, Checklist([]).Answers);
        var unknown = Rejected(FormJson.With(f => f.Items(1).Add(JsonNode.Parse("""{ "id": "c", "kind": "checklist", "answers": "yes-no", "label": { "th": "ตรวจ", "en": "Check" } }"""))));
        Assert.Equal("$.sections[1].items[2].answers", unknown.JsonPath);
    }

    [Fact]
    public void A_needs_assessment_pairs_current_and_desired_items_by_topic()
    {
        var form = FormJson.Load(NeedsForm());

        Assert.Equal(new PriorityNeedsSeries("current", "desired"), form.Settings.PriorityNeeds);
        Assert.Equal("curriculum", Assert.IsType<LikertItem>(form.FindItem("q1-desired")).Topic);
    }

    [Fact]
    public void A_topic_without_its_other_state_is_rejected()
    {
        var error = Rejected(NeedsForm(f => f.Items(0).RemoveAt(2)));
        Assert.Equal(("$.sections[0].items[1].id", "topic 'curriculum' has no 'desired' item"), (error.JsonPath, error.Problem));
    }

    [Fact]
    public void A_needs_item_without_a_topic_is_rejected()
    {
        var error = Rejected(NeedsForm(f => f.Item(0, 2).Remove("topic")));
        Assert.Equal("item 'q1-desired' of series 'desired' needs a topic that pairs it with its other state", error.Problem);
    }

    [Fact]
    public void A_topic_outside_a_needs_assessment_is_rejected()
    {
        var error = Rejected(FormJson.With(f => f.Item(0, 1)["topic"] = "curriculum"));
        Assert.Equal(("$.sections[0].items[1].topic", "a topic pairs current-state and desired-state items; declare settings.priorityNeeds"), (error.JsonPath, error.Problem));
    }

    [Fact]
    public void Both_states_need_series_of_their_own()
    {
        var error = Rejected(NeedsForm(f => f["settings"]!["priorityNeeds"]!["desired"] = "current"));
        Assert.Equal("$.settings.priorityNeeds.desired", error.JsonPath);
    }

    [Fact]
    public void Custom_bands_carry_the_name_summaries_print()
    {
        var form = FormJson.Load(FormJson.With(f => f["settings"]!["scoring"] = JsonNode.Parse("""
            { "name": { "th": "เกณฑ์ของโรงเรียน", "en": "the school's bands" },
              "bands": [ { "min": 1, "max": 3, "label": { "th": "ต่ำ", "en": "Low" } }, { "min": 3.01, "max": 5, "label": { "th": "สูง", "en": "High" } } ] }
            """)));

        Assert.Equal("เกณฑ์ของโรงเรียน", form.Settings.Scoring.Name.Th);
        Assert.Equal("แปลความหมายค่าเฉลี่ยตามเกณฑ์ของโรงเรียน ได้แก่ 3.01–5.00 สูง 1.00–3.00 ต่ำ", form.Settings.Scoring.Describe(SupervisionBot.Cards.Language.Thai));
    }

    private static ChecklistItem Checklist(JsonObject extra) => Assert.IsType<ChecklistItem>(FormJson.Load(FormJson.With(f =>
    {
        var item = JsonNode.Parse("""{ "id": "c", "kind": "checklist", "label": { "th": "ตรวจ", "en": "Check" } }""")!.AsObject();
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            item[key] = value;
        }

        f.Items(1).Add(item);
    })).FindItem("c"));
}
