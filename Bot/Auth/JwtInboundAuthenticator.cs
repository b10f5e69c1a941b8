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

    public async Task<InboundAuthResult> AuthenticateAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var result = _credentials.IsLocalMode
            ? AuthenticateLocal(request.RemoteAddress)
            : await AuthenticateTokenAsync(request, cancellationToken);

        if (!result.Accepted)
        {
            _logger.LogWarning("Rejected inbound request from {RemoteAddress} with {StatusCode}: {Reason}",
                request.RemoteAddress, result.StatusCode, result.Reason);
        }

        return result;
    }

    private static InboundAuthResult AuthenticateLocal(IPAddress? remoteAddress)
    {
        if (remoteAddress is null)
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
            return InboundAuthResult.Unauthorized($"issuer '{issuer}' is not accepted");
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
            return InboundAuthResult.Unauthorized($"signing keys for issuer '{issuer}' are unavailable");
        }

        var validation = await _handler.ValidateTokenAsync(rawToken, ValidationParameters(issuer, keys));
        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken token)
        {
            // IdentityModel messages run to a dozen lines; the first says what failed.
            var firstLine = validation.Exception?.Message.Split('\n', 2)[0];
            return InboundAuthResult.Unauthorized($"token rejected: {validation.Exception?.GetType().Name}: {firstLine}");
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
            return InboundAuthResult.Forbidden($"signing key '{signingKey?.KeyId}' is not endorsed for channel '{request.ChannelId}'");
        }

        var claimed = token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) ? serviceUrl : null;
        return SameServiceUrl(claimed, request.ServiceUrl)
            ? InboundAuthResult.Accept()
            : InboundAuthResult.Forbidden($"token serviceurl '{claimed}' does not match activity serviceUrl '{request.ServiceUrl}'");
    }

    /// <summary>
    /// Entra keys carry no endorsements, so only the caller and the service URL (when the token states one) are checked.
    /// </summary>
    private InboundAuthResult AuthorizeEntraToken(JsonWebToken token, string issuer, InboundRequest request)
    {
        if (_issuers.IsOwnTenant(issuer))
        {
            var caller = token.TryGetPayloadValue<string>("azp", out var azp) ? azp
                : token.TryGetPayloadValue<string>("appid", out var appid) ? appid
                : null;
            if (!string.Equals(caller, _credentials.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
            {
                return InboundAuthResult.Forbidden($"caller app '{caller}' from the bot's own tenant is not the bot");
            }
        }

        if (token.TryGetPayloadValue<string>("serviceurl", out var claimed) && !SameServiceUrl(claimed, request.ServiceUrl))
        {
            return InboundAuthResult.Forbidden($"token serviceurl '{claimed}' does not match activity serviceUrl '{request.ServiceUrl}'");
        }

        return InboundAuthResult.Accept();
    }

    private static bool SameServiceUrl(string? claimed, string? actual) =>
        !string.IsNullOrEmpty(claimed)
        && !string.IsNullOrEmpty(actual)
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
