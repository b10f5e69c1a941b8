using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SupervisionBot.Bot.Protocol;

/// <summary>
/// Source-generated serialisation for everything on the wire: camelCase, nulls omitted,
/// unknown members tolerated (they land in the extension data).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(TeamsMember))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(InvokeResponseBody))]
[JsonSerializable(typeof(string))]
public sealed partial class ProtocolJson : JsonSerializerContext
{
    /// <summary>
    /// The context to use on the wire: Thai written as UTF-8 instead of \u escapes, which would
    /// double a Thai card's size against Teams' message limit.
    /// </summary>
    public static ProtocolJson Wire { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
