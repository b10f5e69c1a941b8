using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupervisionBot.Bench;

/// <summary>
/// Stands in for login.botframework.com (inbound: OpenID metadata and a JWKS whose key is endorsed for
/// msteams, plus tokens signed with that key) and for Entra's token endpoint (the bot's outbound
/// client-credentials call), so authentication stays on without leaving 127.0.0.1.
/// </summary>
internal sealed class LocalIdentity : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string MetadataPath = "/v1/.well-known/openidconfiguration";
    private const string JwksPath = "/v1/.well-known/keys";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly TimeProvider _time;
    private readonly string _appId;
    private readonly string _appPassword;
    private int _tokenRequests;
    private int _keyRequests;

    private LocalIdentity(WebApplication app, string baseUrl, RsaSecurityKey key, TimeProvider time, string appId, string appPassword)
    {
        _app = app;
        BaseUrl = baseUrl;
        _key = key;
        _time = time;
        _appId = appId;
        _appPassword = appPassword;
    }

    public string BaseUrl { get; }

    public string MetadataUrl => BaseUrl + MetadataPath;

    /// <summary>What the token endpoint hands out; the connector stub accepts only this.</summary>
    public string ConnectorAccessToken { get; } = "bench-" + Guid.NewGuid().ToString("N");

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<LocalIdentity> StartAsync(string appId, string appPassword, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "bench-key" };
        LocalIdentity? identity = null;
        var (app, baseUrl) = await Loopback.StartServerAsync(app => app.Map("/{**path}", (RequestDelegate)(http => identity!.HandleAsync(http))), cancellationToken);
        identity = new LocalIdentity(app, baseUrl, key, time, appId, appPassword);
        return identity;
    }

    /// <summary>A Bot Connector token for one inbound activity stream; valid well past the run's time limit.</summary>
    public string MintInboundToken(string serviceUrl, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = _appId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (HttpMethods.IsGet(http.Request.Method) && path == MetadataPath)
        {
            await WriteJsonAsync(http, StatusCodes.Status200OK, new JsonObject
            {
                ["issuer"] = BotFrameworkIssuer,
                ["jwks_uri"] = BaseUrl + JwksPath,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
        }
        else if (HttpMethods.IsGet(http.Request.Method) && path == JwksPath)
        {
            Interlocked.Increment(ref _keyRequests);
            var parameters = _key.Rsa.ExportParameters(includePrivateParameters: false);
            await WriteJsonAsync(http, StatusCodes.Status200OK, new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = _key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = new JsonArray("msteams"),
                }),
            });
        }
        else if (HttpMethods.IsPost(http.Request.Method) && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && http.Request.HasFormContentType)
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            // Checked so that a bot sending the wrong credentials fails the run instead of passing unnoticed.
            var valid = form["grant_type"] == "client_credentials" && form["client_id"] == _appId && form["client_secret"] == _appPassword;
            await WriteJsonAsync(http, valid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, valid
                ? new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = ConnectorAccessToken }
                : new JsonObject { ["error"] = "invalid_client" });
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static Task WriteJsonAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
