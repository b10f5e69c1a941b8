using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupervisionBot.Bot.Protocol;

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>A roster entry. Teams names the AAD id <c>objectId</c> here; activities call it <c>aadObjectId</c>.</summary>
public sealed class TeamsMember
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ObjectId { get; set; }
    public string? AadObjectId { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonIgnore]
    public string? AadId => AadObjectId ?? ObjectId;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }
    public List<TeamsMember>? Members { get; set; }
}

public sealed class ConversationList
{
    public List<ChannelInfo>? Conversations { get; set; }
}

public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    public string? Code { get; set; }
    public string? Message { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The HTTP body answering an invoke: <c>{statusCode, type, value}</c>.</summary>
public sealed class InvokeResponseBody
{
    public int StatusCode { get; set; }
    public string? Type { get; set; }
    public JsonElement? Value { get; set; }
}
