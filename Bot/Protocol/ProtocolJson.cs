using System.Text.Json;
using System.Text.Json.Serialization;

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
public sealed partial class ProtocolJson : JsonSerializerContext;
