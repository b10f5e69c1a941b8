using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

public class FormDefinitionLoaderTests
{
    private static void AssertRejected(string json, string jsonPath, string problem)
    {
        var error = Assert.Throws<FormDefinitionException>(() => FormJson.Load(json));
        Assert.Equal(FormJson.Source, error.Source);
        Assert.Equal(jsonPath, error.JsonPath);
        Assert.Equal(problem, error.Problem);
        Assert.Equal($"{FormJson.Source}: {jsonPath}: {problem}", error.Message);
    }

    [Fact]
    public void Loads_the_valid_definition()
    {
        var form = FormJson.Load();

        Assert.Equal("test-form", form.Id);
        Assert.Equal(FormKind.Satisfaction, form.Kind);
        Assert.Equal(["position", "q1", "count", "note"], form.Items.Select(i => i.Id));
        var likert = Assert.IsType<LikertItem>(form.FindItem("q1"));
        Assert.Same(FiveLevelScale.Likert, likert.Scale);
        Assert.Same(LikertBandSet.Default, form.Settings.Scoring);
        Assert.Equal(20, Assert.IsType<TextItem>(form.FindItem("note")).MaxLength);
    }

    [Fact]
    public void Malformed_json_gives_line_and_byte_counted_from_one()
    {
        // Line 3 is `  "version": }`; the reader stops at the `}`, the 14th byte of that line.
        AssertRejected("{\n  \"id\": \"x\",\n  \"version\": }", "$",
            "malformed JSON at line 3, byte 14: '}' is an invalid start of a value.");
    }

    [Fact]
    public void Duplicate_json_property_is_malformed()
    {
        var error = Assert.Throws<FormDefinitionException>(() => FormJson.Load("{ \"id\": \"a\", \"id\": \"b\" }"));
        Assert.Equal("$", error.JsonPath);
        Assert.StartsWith("malformed JSON at line 1", error.Problem);
    }

    [Fact]
    public void Missing_required_property_points_where_it_belongs() =>
        AssertRejected(FormJson.With(f => f.Item(0, 1).Remove("label")), "$.sections[0].items[1].label", "missing required property 'label'");

    [Fact]
    public void Unknown_item_kind() =>
        AssertRejected(FormJson.With(f => f.Item(1, 1)["kind"] = "likret"), "$.sections[1].items[1].kind",
            "unknown item kind 'likret'; expected one of singleChoice, multipleChoice, likert, checklist, rating, shortText, longText, number, date, picker");

    [Fact]
    public void Unknown_property_is_a_typo_not_ignored() =>
        AssertRejected(FormJson.With(f => f.Item(0, 1)["requird"] = true), "$.sections[0].items[1].requird",
            "unknown property 'requird'; expected one of id, kind, label, help, required, showWhen, scale, notApplicable, statistic, series, topic");

    [Fact]
    public void Missing_english_text() =>
        AssertRejected(FormJson.With(f => f["title"]!.AsObject().Remove("en")), "$.title.en",
            "missing English text ('en'); every text needs both th and en");

    [Fact]
    public void Missing_thai_text() =>
        AssertRejected(FormJson.With(f => f.Item(0, 0)["choices"]![1]!["label"]!.AsObject().Remove("th")), "$.sections[0].items[0].choices[1].label.th",
            "missing Thai text ('th'); every text needs both th and en");

    [Fact]
    public void Blank_thai_text() =>
        AssertRejected(FormJson.With(f => f["description"]!["th"] = "  "), "$.description.th", "Thai text ('th') is empty");

    [Fact]
    public void Duplicate_item_id_across_sections() =>
        AssertRejected(FormJson.With(f => f.Item(1, 0)["id"] = "q1"), "$.sections[1].items[0].id",
            "duplicate item id 'q1' (first used at $.sections[0].items[1].id)");

    [Fact]
    public void Duplicate_section_id() =>
        AssertRejected(FormJson.With(f => f["sections"]![1]!["id"] = "first"), "$.sections[1].id",
            "duplicate section id 'first' (first used at $.sections[0].id)");

    [Fact]
    public void Duplicate_choice_value() =>
        AssertRejected(FormJson.With(f => f.Item(0, 0)["choices"]![1]!["value"] = "admin"), "$.sections[0].items[0].choices[1].value",
            "duplicate choice value 'admin' (first used at $.sections[0].items[0].choices[0].value)");

    [Fact]
    public void Choice_value_with_a_comma_would_break_multiple_choice_answers() =>
        AssertRejected(FormJson.With(f => f.Item(0, 0)["choices"]![1]!["value"] = "a,b"), "$.sections[0].items[0].choices[1].value",
            "choice value 'a,b' may contain only letters, digits, '-' and '_' (answers to multiple choices are comma-joined)");

    [Fact]
    public void Choice_kind_without_choices() =>
        AssertRejected(FormJson.With(f => f.Item(0, 0).Remove("choices")), "$.sections[0].items[0].choices", "missing required property 'choices'");

    [Fact]
    public void Choice_kind_with_empty_choices() =>
        AssertRejected(FormJson.With(f => f.Item(0, 0)["choices"] = new JsonArray()), "$.sections[0].items[0].choices", "must not be empty");

    [Fact]
    public void Show_when_referencing_an_unknown_item() =>
        AssertRejected(FormJson.With(f => f.Item(1, 1)["showWhen"] = ShowWhen("positon", "admin")), "$.sections[1].items[1].showWhen.item",
            "showWhen refers to unknown item 'positon'");

    [Fact]
    public void Show_when_referencing_a_later_item() =>
        AssertRejected(FormJson.With(f => f.Item(0, 0)["showWhen"] = ShowWhen("q1", "5")), "$.sections[0].items[0].showWhen.item",
            "showWhen must refer to an earlier item; 'q1' is this item or comes later");

    [Fact]
    public void Show_when_referencing_itself() =>
        AssertRejected(FormJson.With(f => f.Item(0, 1)["showWhen"] = ShowWhen("q1", "5")), "$.sections[0].items[1].showWhen.item",
            "showWhen must refer to an earlier item; 'q1' is this item or comes later");

    [Fact]
    public void Show_when_value_not_among_the_choices() =>
        AssertRejected(FormJson.With(f => f.Item(1, 1)["showWhen"] = ShowWhen("position", "director")), "$.sections[1].items[1].showWhen.equals",
            "'director' is not a value of item 'position'; expected one of admin, teacher");

    [Fact]
    public void Show_when_in_list_checks_every_value() =>
        AssertRejected(
            FormJson.With(f => f.Item(1, 1)["showWhen"] = new JsonObject { ["item"] = "q1", ["in"] = new JsonArray("4", "6") }),
            "$.sections[1].items[1].showWhen.in[1]",
            "'6' is not a value of item 'q1'; expected one of 1, 2, 3, 4, 5");

    [Fact]
    public void Show_when_cannot_test_a_free_text_item() =>
        AssertRejected(FormJson.With(f => f.Items(1).Add(new JsonObject
            {
                ["id"] = "extra",
                ["kind"] = "shortText",
                ["label"] = new JsonObject { ["th"] = "เพิ่มเติม", ["en"] = "Extra" },
                ["showWhen"] = ShowWhen("count", "3"),
            })),
            "$.sections[1].items[2].showWhen.item",
            "showWhen cannot test 'count': a Number item has no fixed set of values");

    [Fact]
    public void Number_min_greater_than_max() =>
        AssertRejected(FormJson.With(f => f.Item(1, 0)["min"] = 11), "$.sections[1].items[0].min", "min 11 is greater than max 10");

    [Fact]
    public void Date_min_later_than_max() =>
        AssertRejected(
            FormJson.With(f => f.Items(1).Add(new JsonObject
            {
                ["id"] = "visit-date",
                ["kind"] = "date",
                ["label"] = new JsonObject { ["th"] = "วันที่", ["en"] = "Date" },
                ["min"] = "2025-11-01",
                ["max"] = "2025-10-11",
            })),
            "$.sections[1].items[2].min",
            "min 2025-11-01 is later than max 2025-10-11");

    [Fact]
    public void Date_limit_not_in_iso_form() =>
        AssertRejected(
            FormJson.With(f => f.Items(1).Add(new JsonObject
            {
                ["id"] = "visit-date",
                ["kind"] = "date",
                ["label"] = new JsonObject { ["th"] = "วันที่", ["en"] = "Date" },
                ["max"] = "11/10/2568",
            })),
            "$.sections[1].items[2].max",
            "'11/10/2568' is not a date in the form yyyy-MM-dd");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Max_length_must_be_positive(int maxLength) =>
        AssertRejected(FormJson.With(f => f.Item(1, 1)["maxLength"] = maxLength), "$.sections[1].items[1].maxLength",
            $"maxLength must be at least 1, got {maxLength}");

    [Fact]
    public void Unknown_band_set() =>
        AssertRejected(FormJson.With(f => f["settings"]!["scoring"] = "default-0.5"), "$.settings.scoring",
            "unknown band set 'default-0.5'; expected one of default-0.50, equal-0.80");

    [Fact]
    public void Overlapping_bands() =>
        AssertRejected(FormJson.With(f => f["settings"]!["scoring"] = Bands((1.00m, 2.50m), (2.50m, 5.00m))), "$.settings.scoring.bands[1]",
            "band 2.50–5.00 overlaps band 1.00–2.50");

    [Fact]
    public void Bands_with_a_gap_between_them() =>
        AssertRejected(FormJson.With(f => f["settings"]!["scoring"] = Bands((1.00m, 2.50m), (2.60m, 5.00m))), "$.settings.scoring.bands[1]",
            "bands leave a gap between 2.50 and 2.60");

    [Fact]
    public void Bands_that_stop_short_of_five() =>
        AssertRejected(FormJson.With(f => f["settings"]!["scoring"] = Bands((1.00m, 2.50m), (2.51m, 4.99m))), "$.settings.scoring.bands[1]",
            "bands leave a gap: nothing covers 5.00–5.00");

    [Fact]
    public void Bands_that_do_not_start_at_one() =>
        AssertRejected(FormJson.With(f => f["settings"]!["scoring"] = Bands((3.01m, 5.00m), (1.50m, 3.00m))), "$.settings.scoring.bands[1]",
            "bands leave a gap: nothing covers 1.00–1.49");

    [Fact]
    public void Custom_bands_written_in_any_order_are_accepted()
    {
        var form = FormJson.Load(FormJson.With(f => f["settings"]!["scoring"] = Bands((2.51m, 5.00m), (1.00m, 2.50m))));

        Assert.Equal(LikertBandSet.CustomCode, form.Settings.Scoring.Code);
        Assert.Equal([1.00m, 2.51m], form.Settings.Scoring.Bands.Select(b => b.Min));
    }

    [Fact]
    public void Unknown_role() =>
        AssertRejected(FormJson.With(f => f["settings"]!["roles"] = new JsonArray("teacher", "principal")), "$.settings.roles[1]",
            "unknown role 'principal'; expected one of teacher, director, group-chair, group-vice-chair, centre-chair, supervisor, unit-head, area-director, admin");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Version_below_one(int version) =>
        AssertRejected(FormJson.With(f => f["version"] = version), "$.version", $"version must be 1 or greater, got {version}");

    [Fact]
    public void Form_id_must_be_kebab_case() =>
        AssertRejected(FormJson.With(f => f["id"] = "Test_Form"), "$.id", "'Test_Form' is not kebab-case (lower-case letters and digits separated by '-')");

    [Fact]
    public void Series_must_be_declared() =>
        AssertRejected(FormJson.With(f => f.Item(0, 1)["series"] = "problem"), "$.sections[0].items[1].series",
            "series 'problem' is not declared; expected one of need");

    [Fact]
    public void Custom_scale_needs_five_labels() =>
        AssertRejected(
            FormJson.With(f => f.Item(0, 1)["scale"] = new JsonArray(Text("มาก", "High"), Text("น้อย", "Low"))),
            "$.sections[0].items[1].scale",
            "a scale needs exactly 5 labels, level 5 first; got 2");

    [Fact]
    public void Wrong_json_type() =>
        AssertRejected(FormJson.With(f => f["settings"]!["anonymous"] = "yes"), "$.settings.anonymous", "expected true or false");

    private static JsonObject ShowWhen(string item, string equals) => new() { ["item"] = item, ["equals"] = equals };

    private static JsonObject Text(string th, string en) => new() { ["th"] = th, ["en"] = en };

    private static JsonObject Bands(params (decimal Min, decimal Max)[] bands) => new()
    {
        ["bands"] = new JsonArray(bands.Select(b => (JsonNode)new JsonObject
        {
            ["min"] = b.Min,
            ["max"] = b.Max,
            ["label"] = Text("ระดับ", "Level"),
        }).ToArray()),
    };
}
