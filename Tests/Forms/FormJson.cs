using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

/// <summary>A small, valid definition that each test breaks in exactly one way.</summary>
internal static class FormJson
{
    public const string Source = "test-form.json";

    public const string Valid = """
        {
          "id": "test-form",
          "version": 1,
          "kind": "satisfaction",
          "title": { "th": "แบบทดสอบ", "en": "Test form" },
          "description": { "th": "คำอธิบาย", "en": "Description" },
          "settings": {
            "roles": ["teacher"],
            "readers": ["supervisor", "unit-head"],
            "anonymous": true,
            "scoring": "default-0.50",
            "privacyNotice": { "th": "ประกาศความเป็นส่วนตัว", "en": "Privacy notice" },
            "retention": { "years": 2 },
            "series": [{ "id": "need", "label": { "th": "ความต้องการ", "en": "Need" } }]
          },
          "sections": [
            {
              "id": "first",
              "title": { "th": "ส่วนที่ 1", "en": "Part 1" },
              "items": [
                { "id": "position", "kind": "singleChoice", "label": { "th": "ตำแหน่ง", "en": "Position" }, "required": true,
                  "choices": [
                    { "value": "admin", "label": { "th": "ผู้บริหาร", "en": "Administrator" } },
                    { "value": "teacher", "label": { "th": "ครู", "en": "Teacher" } }
                  ] },
                { "id": "q1", "kind": "likert", "label": { "th": "ข้อ 1", "en": "Item 1" }, "required": true }
              ]
            },
            {
              "id": "second",
              "title": { "th": "ส่วนที่ 2", "en": "Part 2" },
              "items": [
                { "id": "count", "kind": "number", "label": { "th": "จำนวน", "en": "Count" }, "min": 0, "max": 10 },
                { "id": "note", "kind": "shortText", "label": { "th": "หมายเหตุ", "en": "Note" }, "maxLength": 20 }
              ]
            }
          ]
        }
        """;

    public static FormDefinition Load(string json = Valid) => FormDefinitionLoader.Load(json, Source);

    /// <summary>The valid definition with one change applied.</summary>
    public static string With(Action<JsonObject> change)
    {
        var form = JsonNode.Parse(Valid)!.AsObject();
        change(form);
        return form.ToJsonString();
    }

    public static JsonObject Item(this JsonObject form, int section, int item) =>
        form["sections"]![section]!["items"]![item]!.AsObject();

    public static JsonArray Items(this JsonObject form, int section) =>
        form["sections"]![section]!["items"]!.AsArray();
}
