using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.Cards;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Summaries;

/// <summary>The summary card against the Adaptive Cards 1.5 schema plus Teams' chart elements, and as a host without charts shows it.</summary>
public sealed class SummaryCardTests
{
    /// <summary>
    /// Teams' chart elements as learn.microsoft.com describes them ("Charts in Adaptive Cards"), written
    /// as schema definitions and added to the official 1.5 schema for these tests only.
    /// </summary>
    private const string ChartDefinitions = """
    {
      "Chart.BarValue": { "type": "object", "additionalProperties": false, "required": ["x", "y"],
        "properties": { "x": { "type": ["string", "number"] }, "y": { "type": "number" }, "color": { "type": "string" } } },
      "Chart.GaugeSegment": { "type": "object", "additionalProperties": false, "required": ["legend", "size"],
        "properties": { "legend": { "type": "string" }, "size": { "type": "number" }, "color": { "type": "string" } } },
      "Chart.HorizontalBar": { "type": "object", "additionalProperties": false, "required": ["type", "data"],
        "properties": { "type": { "enum": ["Chart.HorizontalBar"] }, "id": { "type": "string" }, "isVisible": { "type": "boolean" },
          "spacing": { "$ref": "#/definitions/Spacing" }, "separator": { "type": "boolean" }, "title": { "type": "string" },
          "data": { "type": "array", "items": { "$ref": "#/definitions/Chart.BarValue" } }, "xAxisTitle": { "type": "string" }, "yAxisTitle": { "type": "string" },
          "color": { "type": "string" }, "colorSet": { "type": "string" }, "displayMode": { "enum": ["AbsoluteWithAxis", "AbsoluteNoAxis", "PartToWhole"] },
          "fallback": { "anyOf": [{ "$ref": "#/definitions/ImplementationsOf.Element" }, { "$ref": "#/definitions/FallbackOption" }] } } },
      "Chart.VerticalBar": { "type": "object", "additionalProperties": false, "required": ["type", "data"],
        "properties": { "type": { "enum": ["Chart.VerticalBar"] }, "id": { "type": "string" }, "isVisible": { "type": "boolean" },
          "spacing": { "$ref": "#/definitions/Spacing" }, "separator": { "type": "boolean" }, "title": { "type": "string" },
          "data": { "type": "array", "items": { "$ref": "#/definitions/Chart.BarValue" } }, "xAxisTitle": { "type": "string" }, "yAxisTitle": { "type": "string" },
          "color": { "type": "string" }, "colorSet": { "type": "string" }, "showBarValues": { "type": "boolean" },
          "fallback": { "anyOf": [{ "$ref": "#/definitions/ImplementationsOf.Element" }, { "$ref": "#/definitions/FallbackOption" }] } } },
      "Chart.Gauge": { "type": "object", "additionalProperties": false, "required": ["type", "value"],
        "properties": { "type": { "enum": ["Chart.Gauge"] }, "id": { "type": "string" }, "isVisible": { "type": "boolean" },
          "spacing": { "$ref": "#/definitions/Spacing" }, "separator": { "type": "boolean" }, "title": { "type": "string" },
          "value": { "type": "number" }, "min": { "type": "number" }, "max": { "type": "number" }, "subLabel": { "type": "string" },
          "valueFormat": { "enum": ["Percentage", "Fraction"] }, "segments": { "type": "array", "items": { "$ref": "#/definitions/Chart.GaugeSegment" } },
          "showLegend": { "type": "boolean" }, "showMinMax": { "type": "boolean" }, "colorSet": { "type": "string" },
          "fallback": { "anyOf": [{ "$ref": "#/definitions/ImplementationsOf.Element" }, { "$ref": "#/definitions/FallbackOption" }] } } }
    }
    """;

    private static readonly LocalizedText Area = new("ภาพรวมทั้งเขตพื้นที่", "The whole area");

    private static AdaptiveCard SatisfactionCard(Language language, SummaryRequest? refresh = null)
    {
        var groups = new (LocalizedText, ScopeAggregate)[]
        {
            (new("กลุ่มโรงเรียนที่ 1", "Group 1"), Of(Satisfaction, Enumerable.Range(0, 6).Select(i => SatisfactionResponse(3 + i % 3)))),
            (new("กลุ่มโรงเรียนที่ 2", "Group 2"), Of(Satisfaction, Enumerable.Range(0, 2).Select(_ => SatisfactionResponse(5)))),
        };
        var total = Of(Satisfaction, Enumerable.Range(0, 8).Select(i => SatisfactionResponse(3 + i % 3, i == 0 ? "ขอบคุณที่มานิเทศ" : null)));
        var results = FormResults.Build(Satisfaction, total, Area, invited: 12, showTexts: true, groups, language);
        return SummaryCard.Build(results, language, refresh);
    }

    private static AdaptiveCard NeedsCard(Language language) =>
        SummaryCard.Build(FormResults.Build(Needs, Of(Needs, Enumerable.Range(0, 7).Select(i => NeedsResponse("1010", 1 + i % 5, 5, "ต้องการวิทยากร"))), Area, 20, true, [], language), language, null);

    private static string SchemaWithCharts()
    {
        var schema = JsonNode.Parse(File.ReadAllText(CardTestPaths.CardSchema()))!.AsObject();
        var definitions = schema["definitions"]!.AsObject();
        var elements = definitions["ImplementationsOf.Element"]!["anyOf"]!.AsArray();
        foreach (var (name, definition) in JsonNode.Parse(ChartDefinitions)!.AsObject())
        {
            definitions[name] = definition!.DeepClone();
            if (name is "Chart.HorizontalBar" or "Chart.VerticalBar" or "Chart.Gauge")
            {
                elements.Add(new JsonObject { ["required"] = new JsonArray("type"), ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/definitions/{name}" }) });
            }
        }
        var path = Path.Combine(Directory.CreateTempSubdirectory("summary-schema-").FullName, "adaptive-card-1.5-with-charts.json");
        File.WriteAllText(path, schema.ToJsonString());
        return path;
    }

    [Fact]
    public void The_card_is_valid_against_the_schema_plus_charts_and_a_host_without_charts_meets_only_the_charts()
    {
        var folder = Directory.CreateTempSubdirectory("summary-cards-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "satisfaction.th.json"), CardJson.Serialize(SatisfactionCard(Language.Thai, new("supervision-satisfaction", SummaryScope.Area("c-1")))));
            File.WriteAllText(Path.Combine(folder.FullName, "satisfaction.en.json"), CardJson.Serialize(SatisfactionCard(Language.English)));
            File.WriteAllText(Path.Combine(folder.FullName, "needs.th.json"), CardJson.Serialize(NeedsCard(Language.Thai)));
            var run = NodeScript.Run(Path.Combine("scripts", "cards", "check-cards.js"), [folder.FullName], TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["SUPERVISIONBOT_CARD_SCHEMA"] = SchemaWithCharts() });

            var report = JsonNode.Parse(run.Stdout)!;
            Assert.Equal(3, (int)report["checked"]!);
            foreach (var result in report["results"]!.AsArray())
            {
                Assert.True(result!["schemaErrors"]!.AsArray().Count == 0, run.Stdout);
                Assert.True(result["teamsErrors"]!.AsArray().Count == 0, run.Stdout);
                // The official renderer has no charts: it must meet nothing but them, and say it falls back.
                Assert.All(result["rendererErrors"]!.AsArray(), error =>
                {
                    Assert.True((string)error!["event"]! == "UnknownElementType", error.ToJsonString());
                    Assert.Matches("Unknown element type \"Chart\\.(HorizontalBar|Gauge)\"", (string)error["message"]!);
                });
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_host_without_charts_renders_the_fallbacks_with_the_same_numbers()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("summary-fallback-").FullName, "card.json");
        File.WriteAllText(file, CardJson.Serialize(SatisfactionCard(Language.Thai)));
        // Parse the card as the official renderer does (no chart support) and print the body it keeps.
        const string Script = """
            const path = require('path');
            const AC = require(require.resolve('adaptivecards/dist/adaptivecards.js', { paths: [process.cwd()] }));
            const card = new AC.AdaptiveCard();
            card.parse(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')), new AC.SerializationContext(AC.Versions.v1_5));
            console.log(JSON.stringify(card.toJSON().body));
            """;
        var run = NodeScript.RunTool("node", ["-e", Script, file], TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.Output);

        var body = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.DoesNotContain(body, element => ((string)element!["type"]!).StartsWith("Chart.", StringComparison.Ordinal));
        // The gauge's fallback: the count and rate in words; the bar chart's: each section's mean and level.
        Assert.Contains(body, e => (string)e!["type"]! == "TextBlock" && ((string)e["text"]!).Contains("ผู้ตอบ 8 จาก 12 คน (ร้อยละ 66.67)", StringComparison.Ordinal));
        var sections = body.First(e => (string)e!["type"]! == "FactSet")!["facts"]!.AsArray();
        Assert.Equal(["ด้านผู้นิเทศ", "ด้านกระบวนการนิเทศ", "ด้านผลการนิเทศ"], sections.Select(f => (string)f!["title"]!));
    }

    [Fact]
    public void An_open_campaigns_card_refreshes_itself_and_a_final_one_does_not()
    {
        var card = SatisfactionCard(Language.Thai, new("supervision-satisfaction", SummaryScope.Group(3, "c-9")));
        var refresh = Assert.IsType<ExecuteAction>(card.Refresh!.Action);
        Assert.Equal(SummaryCard.RefreshVerb, refresh.Verb);
        Assert.Equal("""{"formId":"supervision-satisfaction","level":"Group","key":"3","campaignId":"c-9"}""", refresh.Data!.ToJsonString());
        Assert.Null(SatisfactionCard(Language.Thai).Refresh);
    }

    [Fact]
    public void The_longest_form_stays_under_the_card_budget()
    {
        var bytes = CardJson.SerializeToUtf8Bytes(NeedsCard(Language.Thai)).Length;
        Assert.InRange(bytes, 1, CardLimits.MaxJsonBytes);
        using var json = JsonDocument.Parse(CardJson.Serialize(NeedsCard(Language.English)));
        Assert.Contains("PNI", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
