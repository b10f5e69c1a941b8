using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// The keys our form cards put in their buttons' data, next to the user's inputs. Item ids are
/// kebab-case, so these camelCase keys never collide with an answer.
/// </summary>
public static class FormActionData
{
    public const string FormId = "formId";
    public const string SessionId = "sessionId";
    public const string StateVersion = "stateVersion";
    public const string Section = FormCards.FormCardPresenter.SectionKey;

    /// <summary>Answers a proactive card's start button fills in (school, visit date…).</summary>
    public const string Prefill = "prefill";

    /// <summary>The campaign or visit a proactive card's start button starts its form for: {"campaign": id, "visit": id}.</summary>
    public const string Link = "link";

    private const string LinkCampaign = "campaign";
    private const string LinkVisit = "visit";
    private const int MaxLinkIdLength = 64;

    /// <summary>The data a start button carries to link the form it starts.</summary>
    public static JsonObject LinkData(FormLink link)
    {
        var data = new JsonObject();
        if (link.CampaignId is { } campaign)
        {
            data[LinkCampaign] = campaign;
        }
        if (link.VisitId is { } visit)
        {
            data[LinkVisit] = visit;
        }
        return data;
    }

    /// <summary>
    /// The link a start button carried. The client can forge it, so only well-formed ids are taken;
    /// whoever counts by it (campaigns, visits) still checks the person belongs there.
    /// </summary>
    public static FormLink LinkOf(JsonObject data) =>
        data[Link] is JsonObject link
            ? new FormLink(LinkId(link, LinkCampaign), LinkId(link, LinkVisit))
            : FormLink.None;

    private static string? LinkId(JsonObject link, string key) =>
        link[key] is JsonValue value && value.TryGetValue<string>(out var id)
            && id.Length is > 0 and <= MaxLinkIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id
            : null;

    public static JsonObject For(FormSession session) => new()
    {
        [FormId] = session.FormId,
        [SessionId] = session.SessionId,
        [StateVersion] = session.StateVersion,
    };

    public static string? Text(JsonObject data, string key) => data[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        // Anything else in an input's place was not sent by our card; keep it as text for the validator to judge.
        JsonNode other => other.ToJsonString(),
    };

    public static int? Version(JsonObject data) => data[StateVersion] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The same button pressed with the same inputs gives the same fingerprint: a retry, not a new action.</summary>
    public static string Fingerprint(string verb, JsonObject data)
    {
        var canonical = verb + "\n" + string.Join("\n", data.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value?.ToJsonString()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)), 0, 12);
    }
}
