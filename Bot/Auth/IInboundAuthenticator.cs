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
/// <param name="RemoteAddress">The caller's socket address, for local mode's loopback-only rule.</param>
/// <param name="Forwarded">The request carries X-Forwarded-For or Forwarded: it came through a proxy, so in
/// local mode the socket address says nothing about who sent it.</param>
public sealed record InboundRequest(string? AuthorizationHeader, string? ChannelId, string? ServiceUrl, IPAddress? RemoteAddress, bool Forwarded = false);

/// <param name="StatusCode">200 when accepted; 401 for a missing or invalid token; 403 for a valid token that may not
/// act here; 503 when the issuer's keys have never been obtained, so the channel retries instead of giving up.</param>
public sealed record InboundAuthResult(bool Accepted, int StatusCode, string? Reason)
{
    public static InboundAuthResult Accept() => new(true, 200, null);
    public static InboundAuthResult Unauthorized(string reason) => new(false, 401, reason);
    public static InboundAuthResult Forbidden(string reason) => new(false, 403, reason);
    public static InboundAuthResult Unavailable(string reason) => new(false, 503, reason);
}
