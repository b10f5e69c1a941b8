using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// Checks the Bot Connector's bearer token on every inbound activity (fact sheet §3.1, §3.2).
/// Bad input never throws: the result carries 401/403 and a reason meant for the log only.
/// </summary>
public sealed class JwtInboundAuthenticator : IInboundAuthenticator
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotCredentials _credentials;
    private readonly BotAuthOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<JwtInboundAuthenticator> _logger;
    private readonly InboundIssuers _issuers;
    private readonly string[] _audiences;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, OpenIdKeySource> _keySources = new(StringComparer.Ordinal);

    public JwtInboundAuthenticator(
        IOptions<BotCredentials> credentials,
        IOptions<BotAuthOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<JwtInboundAuthenticator> logger)
    {
        _credentials = credentials.Value;
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _issuers = new InboundIssuers(_options, _credentials.MicrosoftAppTenantId);
        var appId = _credentials.MicrosoftAppId;
        _audiences = [appId ?? "", $"api://{appId}", $"api://botid-{appId}"];
    }

    /// <remarks>Logs nothing: the caller writes the one line a rejection gets.</remarks>
    public async Task<InboundAuthResult> AuthenticateAsync(InboundRequest request, CancellationToken cancellationToken) =>
        _credentials.IsLocalMode
            ? AuthenticateLocal(request)
            : await AuthenticateTokenAsync(request, cancellationToken);

    /// <summary>
    /// Local mode trusts the machine, so the caller must be on it. Only the socket address counts: a proxy
    /// header names whoever the sender likes, and a request that passed through a proxy may come from anywhere.
    /// </summary>
    private static InboundAuthResult AuthenticateLocal(InboundRequest request)
    {
        if (request.Forwarded)
        {
            return InboundAuthResult.Forbidden("local mode: requests forwarded by a proxy (X-Forwarded-For, Forwarded) are refused");
        }

        if (request.RemoteAddress is not { } remoteAddress)
        {
            return InboundAuthResult.Unauthorized("local mode: caller address unknown");
        }

        var address = remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress;
        return IPAddress.IsLoopback(address)
            ? InboundAuthResult.Accept()
            : InboundAuthResult.Unauthorized("local mode: only loopback callers are accepted");
    }

    private async Task<InboundAuthResult> AuthenticateTokenAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        if (!TryReadBearerToken(request.AuthorizationHeader, out var rawToken, out var headerProblem))
        {
            return InboundAuthResult.Unauthorized(headerProblem);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = new JsonWebToken(rawToken);
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException derives from ArgumentException.
            return InboundAuthResult.Unauthorized("token is not a well-formed JWT");
        }

        var issuer = unvalidated.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Iss, out var iss) ? iss : null;
        var metadataUrl = issuer is null ? null : _issuers.MetadataUrlFor(issuer);
        if (issuer is null || metadataUrl is null)
        {
            return InboundAuthResult.Unauthorized($"issuer '{Untrusted.Shorten(issuer)}' is not accepted");
        }

        var keySource = _keySources.GetOrAdd(metadataUrl,
            url => new OpenIdKeySource(url, _httpClientFactory, _time, _options, _logger));

        var keys = await keySource.GetAsync(cancellationToken);
        if (keys is not null && unvalidated.Kid is { Length: > 0 } kid && !keys.ContainsKeyId(kid))
        {
            keys = await keySource.RefreshForUnknownKeyAsync(keys, cancellationToken);
        }

        if (keys is null)
        {
            // Our problem, not the caller's: a 503 makes the channel deliver again later.
            return InboundAuthResult.Unavailable($"signing keys for issuer '{issuer}' are unavailable");
        }

        var validation = await _handler.ValidateTokenAsync(rawToken, ValidationParameters(issuer, keys));
        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken token)
        {
            // IdentityModel messages run to a dozen lines; the first says what failed.
            var firstLine = validation.Exception?.Message.Split('\n', 2)[0];
            return InboundAuthResult.Unauthorized($"token rejected: {validation.Exception?.GetType().Name}: {Untrusted.Shorten(firstLine)}");
        }

        return _issuers.IsBotFramework(issuer)
            ? AuthorizeConnectorToken(token, token.SigningKey, keys, request)
            : AuthorizeEntraToken(token, issuer, request);
    }

    private static bool TryReadBearerToken(string? header, out string token, out string problem)
    {
        token = "";
        if (string.IsNullOrWhiteSpace(header))
        {
            problem = "no Authorization header";
            return false;
        }

        var parts = header.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Contains(' '))
        {
            problem = "Authorization header is not 'Bearer <token>'";
            return false;
        }

        token = parts[1];
        problem = "";
        return true;
    }

    private TokenValidationParameters ValidationParameters(string issuer, SigningKeySet keys) => new()
    {
        ValidIssuer = issuer,
        ValidAudiences = _audiences,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = keys.Keys,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ClockSkew = _options.ClockSkew,
        // TokenValidationParameters.TimeProvider is not public in this IdentityModel version.
        LifetimeValidator = IsWithinLifetime,
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + parameters.ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - parameters.ClockSkew);
    }

    private static InboundAuthResult AuthorizeConnectorToken(JsonWebToken token, SecurityKey? signingKey, SigningKeySet keys, InboundRequest request)
    {
        if (string.IsNullOrEmpty(request.ChannelId) || !keys.IsEndorsed(signingKey?.KeyId, request.ChannelId))
        {
            return InboundAuthResult.Forbidden($"signing key '{Untrusted.Shorten(signingKey?.KeyId)}' is not endorsed for channel '{Untrusted.Shorten(request.ChannelId)}'");
        }

        var claimed = token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) ? serviceUrl : null;
        return SameServiceUrl(claimed, request.ServiceUrl)
            ? InboundAuthResult.Accept()
            : ServiceUrlMismatch(claimed, request.ServiceUrl);
    }

    /// <summary>
    /// Entra keys carry no endorsements, so the calling app and the service URL are what tie the token to
    /// this activity. Which claim names the caller depends on the token version, and a token whose version
    /// we do not know is refused rather than read the wrong way.
    /// </summary>
    private InboundAuthResult AuthorizeEntraToken(JsonWebToken token, string issuer, InboundRequest request)
    {
        var version = token.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var callerClaim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (callerClaim is null)
        {
            return InboundAuthResult.Unauthorized($"Entra token version '{Untrusted.Shorten(version)}' is not 1.0 or 2.0");
        }

        var caller = token.TryGetPayloadValue<string>(callerClaim, out var value) ? value : null;
        if (string.IsNullOrEmpty(caller))
        {
            return InboundAuthResult.Unauthorized($"v{version} Entra token has no '{callerClaim}' claim");
        }

        // Any app registered in the bot's own tenant can get a token for the bot, so from there only the bot itself counts.
        if (_issuers.IsOwnTenant(issuer) && !string.Equals(caller, _credentials.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Forbidden($"caller app '{Untrusted.Shorten(caller)}' from the bot's own tenant is not the bot");
        }

        if (_options.AllowedCallers.Count > 0
            && !_options.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Forbidden($"caller app '{Untrusted.Shorten(caller)}' is not in BotAuth:AllowedCallers");
        }

        return token.TryGetPayloadValue<string>("serviceurl", out var claimed) && !SameServiceUrl(claimed, request.ServiceUrl)
            ? ServiceUrlMismatch(claimed, request.ServiceUrl)
            : InboundAuthResult.Accept();
    }

    private static InboundAuthResult ServiceUrlMismatch(string? claimed, string? actual) =>
        InboundAuthResult.Forbidden($"token serviceurl '{Untrusted.Shorten(claimed)}' does not match activity serviceUrl '{Untrusted.Shorten(actual)}'");

    private static bool SameServiceUrl(string? claimed, string? actual) =>
        !string.IsNullOrEmpty(claimed)
        && !string.IsNullOrEmpty(actual)
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
