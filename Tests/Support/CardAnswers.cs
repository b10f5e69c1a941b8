using System.Globalization;
using System.Text.Json.Nodes;

namespace SupervisionBot.Tests.Support;

/// <summary>
/// Reads a card's JSON the way a person reads the card: finds its inputs and buttons, and answers
/// every input with a valid value, without knowing which form it came from.
/// </summary>
public static class CardAnswers
{
    public static IEnumerable<JsonObject> Inputs(JsonNode card) => Walk(card).Where(n => n["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true);

    /// <summary>The data of the first Action.Execute with this verb (null when the card has none).</summary>
    public static JsonObject? Button(JsonNode card, string verb, int occurrence = 0) =>
        Walk(card).Where(n => n["type"]?.GetValue<string>() == "Action.Execute" && n["verb"]?.GetValue<string>() == verb)
            .Select(n => (JsonObject?)n["data"]?.DeepClone() ?? [])
            .ElementAtOrDefault(occurrence);

    public static bool HasButton(JsonNode card, string verb) => Button(card, verb) is not null;

    /// <summary>A valid answer for every input of the card, as the card's own constraints allow.</summary>
    public static JsonObject FillAll(JsonNode card)
    {
        var answers = new JsonObject();
        foreach (var input in Inputs(card))
        {
            var id = input["id"]!.GetValue<string>();
            answers[id] = input["type"]!.GetValue<string>() switch
            {
                "Input.ChoiceSet" => input["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).First(),
                "Input.Number" => ((double?)input["min"] ?? 1).ToString(CultureInfo.InvariantCulture),
                "Input.Date" => (string?)input["min"] ?? "2026-11-24",
                "Input.Time" => "10:30",
                "Input.Toggle" => (string?)input["valueOn"] ?? "true",
                _ => Truncate("ทดสอบ " + id, (int?)input["maxLength"]),
            };
        }
        return answers;
    }

    public static string Text(JsonNode card) => card.ToJsonString();

    private static string Truncate(string text, int? max) => max is { } m && text.Length > m ? text[..m] : text;

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (key, child) in obj)
                {
                    // Fallback copies of buttons would be counted twice.
                    if (key == "fallback")
                    {
                        continue;
                    }
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }
}
