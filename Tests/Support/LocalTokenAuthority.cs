using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupervisionBot.Bot.Auth;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace SupervisionBot.Tests.Support;

/// <summary>
/// A stand-in for login.botframework.com (and Entra's per-tenant metadata) on 127.0.0.1: serves OpenID
/// metadata and a JWKS whose keys carry <c>endorsements</c>, and mints tokens the bot will accept unless
/// told otherwise. Point the bot at it with <see cref="ConfigurationValues"/> or <see cref="ApplyTo"/>.
/// </summary>
public sealed class LocalTokenAuthority : IDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];

    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string JwksPath = "/v1/.well-known/keys";

    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    private LocalTokenAuthority(TimeProvider time)
    {
        _time = time;
        var port = Ports.Free();
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
        BaseUrl = $"http://127.0.0.1:{port}";
        CurrentKey = CreateKey("key-1", "msteams");

        var metadata = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = BotFrameworkIssuer,
            ["jwks_uri"] = BaseUrl + JwksPath,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        });
        Server.Given(Request.Create().WithPath(MetadataPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(metadata));
        Server.Given(Request.Create().WithPath(new WildcardMatcher("/*/v2.0/.well-known/openid-configuration")).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(metadata));
        PublishKeys(CurrentKey);
    }

    public static LocalTokenAuthority Start(TimeProvider? time = null) => new(time ?? TimeProvider.System);

    public WireMockServer Server { get; }

    public string BaseUrl { get; }

    public string MetadataUrl => BaseUrl + MetadataPath;

    public string EntraMetadataUrlTemplate => BaseUrl + "/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>The key <see cref="CreateToken"/> signs with unless a spec names another.</summary>
    public TestSigningKey CurrentKey { get; private set; }

    /// <summary>Key downloads so far, once at least <paramref name="atLeast"/> have been logged (see <see cref="WireMockLog"/>).</summary>
    public async Task<int> JwksRequestCountAsync(int atLeast = 0) => (await Server.LoggedAsync(e => e.RequestMessage.Path == JwksPath, atLeast)).Count;

    /// <summary>Configuration keys that send the bot's key lookups here instead of to Microsoft.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => new Dictionary<string, string?>
    {
        [$"{BotAuthOptions.SectionName}:{nameof(BotAuthOptions.OpenIdMetadataUrl)}"] = MetadataUrl,
        [$"{BotAuthOptions.SectionName}:{nameof(BotAuthOptions.EntraMetadataUrlTemplate)}"] = EntraMetadataUrlTemplate,
    };

    public BotAuthOptions ApplyTo(BotAuthOptions options)
    {
        options.OpenIdMetadataUrl = MetadataUrl;
        options.EntraMetadataUrlTemplate = EntraMetadataUrlTemplate;
        return options;
    }

    public static TestSigningKey CreateKey(string keyId, params string[] endorsements) =>
        new(keyId, new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId }, endorsements);

    /// <summary>Replaces the served JWKS; the first key becomes <see cref="CurrentKey"/>.</summary>
    public void PublishKeys(params TestSigningKey[] keys)
    {
        CurrentKey = keys[0];
        var jwks = JsonSerializer.Serialize(new { keys = keys.Select(ToJwk).ToArray() });
        Server.Given(Request.Create().WithPath(JwksPath).UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    /// <summary>A Bot Connector token for <paramref name="appId"/> about an activity from <paramref name="serviceUrl"/>.</summary>
    public string CreateToken(string appId, string serviceUrl, TokenSpec? spec = null)
    {
        spec ??= new TokenSpec();
        var now = _time.GetUtcNow();
        var key = spec.SigningKey ?? CurrentKey.Key;

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["serviceurl"] = serviceUrl };
        foreach (var (name, value) in spec.ExtraClaims)
        {
            claims[name] = value;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? BotFrameworkIssuer,
            Audience = spec.Audience ?? appId,
            IssuedAt = (spec.NotBefore ?? now - TimeSpan.FromMinutes(1)).UtcDateTime,
            NotBefore = (spec.NotBefore ?? now - TimeSpan.FromMinutes(1)).UtcDateTime,
            Expires = (spec.Expires ?? now + TimeSpan.FromHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, spec.Algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string CreateUnsignedToken(string appId, string serviceUrl)
    {
        var now = _time.GetUtcNow();
        var header = new { alg = "none", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = appId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = (now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds(),
            ["exp"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>
    /// The classic key-confusion forgery: HS256 keyed with the published RSA public key, hoping the
    /// validator treats the public key as a shared secret.
    /// </summary>
    public string CreatePublicKeyHmacToken(string appId, string serviceUrl)
    {
        var publicKey = CurrentKey.Key.Rsa.ExportSubjectPublicKeyInfo();
        var hmacKey = new SymmetricSecurityKey(publicKey) { KeyId = CurrentKey.KeyId };
        return CreateToken(appId, serviceUrl, new TokenSpec { SigningKey = hmacKey, Algorithm = SecurityAlgorithms.HmacSha256 });
    }

    public void Dispose() => Server.Stop();

    private static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private static Dictionary<string, object> ToJwk(TestSigningKey key)
    {
        var parameters = key.Key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = key.Endorsements,
        };
    }
}

/// <summary>What to change about a minted token; everything left null gets the value the bot accepts.</summary>
public sealed record TokenSpec
{
    public string? Issuer { get; init; }

    public string? Audience { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Signs with this key instead of <see cref="LocalTokenAuthority.CurrentKey"/>; its KeyId goes into the header.</summary>
    public SecurityKey? SigningKey { get; init; }

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    /// <summary>Added to (or overriding) the payload, e.g. <c>azp</c> for Entra tokens or a different <c>serviceurl</c>.</summary>
    public IReadOnlyDictionary<string, object> ExtraClaims { get; init; } = new Dictionary<string, object>();
}

public sealed record TestSigningKey(string KeyId, RsaSecurityKey Key, IReadOnlyList<string> Endorsements);
