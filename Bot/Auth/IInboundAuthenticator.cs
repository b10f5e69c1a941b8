using System.Net;

namespace SupervisionBot.Bot.Auth;

/// <summary>Decides whether a POST to /api/messages really comes from the Bot Connector.</summary>
public interface IInboundAuthenticator
{
    Task<InboundAuthResult> AuthenticateAsync(InboundRequest request, CancellationToken cancellationToken);
}

/// <param name="AuthorizationHeader">The raw header value, or null when absent.</param>
/// <param name="ChannelId">The activity's channelId (must be endorsed by the signing key).</param>
/// <param name="ServiceUrl">The activity's serviceUrl (must equal the token's serviceurl claim).</param>
/// <param name="RemoteAddress">The caller, for local mode's loopback-only rule.</param>
public sealed record InboundRequest(string? AuthorizationHeader, string? ChannelId, string? ServiceUrl, IPAddress? RemoteAddress);

/// <param name="StatusCode">200 when accepted; 401 for a missing or invalid token; 403 for a valid token that may not act here.</param>
public sealed record InboundAuthResult(bool Accepted, int StatusCode, string? Reason)
{
    public static InboundAuthResult Accept() => new(true, 200, null);
    public static InboundAuthResult Unauthorized(string reason) => new(false, 401, reason);
    public static InboundAuthResult Forbidden(string reason) => new(false, 403, reason);
}
