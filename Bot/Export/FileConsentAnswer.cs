using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupervisionBot.Bot.Export;

/// <summary>Where Teams says to put the file the user allowed (the invoke's <c>uploadInfo</c>).</summary>
public sealed record UploadInfo(Uri UploadUrl, string ContentUrl, string Name, string? UniqueId, string? FileType);

/// <summary>
/// The user's answer to a file-consent card: the invoke <c>fileConsent/invoke</c> whose value is
/// <c>{type: "fileUpload", action: "accept" | "decline", context, uploadInfo}</c>, the context being
/// the card's acceptContext or declineContext as we sent it (or as the client changed it).
/// </summary>
public sealed record FileConsentAnswer(bool Accepted, JsonNode? Context, UploadInfo? Upload)
{
    public const string InvokeName = "fileConsent/invoke";

    /// <returns>The answer, or null when the value is not one (an accept must say where to upload).</returns>
    public static FileConsentAnswer? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Text(v, "type") != "fileUpload")
        {
            return null;
        }
        var context = v.TryGetProperty("context", out var c) ? JsonNode.Parse(c.GetRawText()) : null;
        switch (Text(v, "action"))
        {
            case "decline":
                return new FileConsentAnswer(false, context, null);
            case "accept" when v.TryGetProperty("uploadInfo", out var info) && info.ValueKind == JsonValueKind.Object
                && Uri.TryCreate(Text(info, "uploadUrl"), UriKind.Absolute, out var uploadUrl) && uploadUrl.Scheme is "https" or "http"
                && Text(info, "contentUrl") is { } contentUrl && Text(info, "name") is { } name:
                return new FileConsentAnswer(true, context, new UploadInfo(uploadUrl, contentUrl, name, Text(info, "uniqueId"), Text(info, "fileType")));
            default:
                return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s ? s : null;
}
