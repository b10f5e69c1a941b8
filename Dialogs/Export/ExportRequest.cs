using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Export;

/// <summary>
/// An export someone asked for in chat. It travels in the file-consent card's context and comes back
/// with the user's answer, so no file and no state is kept while Teams waits for them; the client can
/// change what comes back, so whoever answers is checked again against <see cref="RequestedBy"/> and the policy.
/// </summary>
/// <param name="RequestedBy">The Teams user id (from.id) of the person who asked.</param>
public sealed record ExportRequest(ExportFilter Filter, ExportFormat Format, string RequestedBy, Language Language, string FileName, ExportContent Content = ExportContent.Responses)
{
    public JsonObject ToContext() => new()
    {
        ["form"] = Filter.FormId,
        ["campaign"] = Filter.CampaignId,
        ["group"] = Filter.GroupNumber,
        ["school"] = Filter.SchoolCode,
        ["from"] = Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["format"] = Format == ExportFormat.Csv ? "csv" : "xlsx",
        ["by"] = RequestedBy,
        ["lang"] = Language == Language.Thai ? "th" : "en",
        ["file"] = FileName,
        ["what"] = Content == ExportContent.Summary ? "summary" : "responses",
    };

    /// <returns>The request, or null when the context is not one of ours.</returns>
    public static ExportRequest? FromContext(JsonNode? context)
    {
        if (context is not JsonObject data || Text(data, "form") is not { } form || Text(data, "by") is not { } by
            || Text(data, "format") is not ("csv" or "xlsx") || Text(data, "file") is not { } file)
        {
            return null;
        }
        int? group = null;
        if (data["group"] is JsonValue g)
        {
            if (!g.TryGetValue<int>(out var number))
            {
                return null;
            }
            group = number;
        }
        if (ExportDates.TryRead(Text(data, "from"), Text(data, "to"), out var from, out var to) is not null)
        {
            return null;
        }
        var filter = new ExportFilter(form, Text(data, "campaign"), group, Text(data, "school"), from, to);
        return new ExportRequest(filter, Text(data, "format") == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx, by,
            Text(data, "lang") == "en" ? Language.English : Language.Thai, file, Text(data, "what") == "summary" ? ExportContent.Summary : ExportContent.Responses);
    }

    private static string? Text(JsonObject data, string key) =>
        data[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
