using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace SupervisionBot.Bot.Auth;

internal sealed record ConnectorAccessToken(string Value, DateTimeOffset ExpiresOn);

/// <summary>Obtains a fresh Connector token; caching and single-flight live in <see cref="ConnectorTokenProvider"/>.</summary>
internal interface IConnectorTokenSource
{
    Task<ConnectorAccessToken> AcquireAsync(CancellationToken cancellationToken);
}

/// <summary>Single-tenant app registration: OAuth client-credentials grant against the bot's own tenant (§3.3).</summary>
internal sealed class ClientSecretTokenSource : IConnectorTokenSource
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _scope;

    public ClientSecretTokenSource(IHttpClientFactory httpClientFactory, TimeProvider time, BotCredentials credentials, BotAuthOptions options)
    {
        _httpClientFactory = httpClientFactory;
        _time = time;
        _tokenEndpoint = new Uri($"{options.TokenAuthority.TrimEnd('/')}/{Uri.EscapeDataString(credentials.MicrosoftAppTenantId!)}/oauth2/v2.0/token");
        _clientId = credentials.MicrosoftAppId!;
        _clientSecret = credentials.MicrosoftAppPassword!;
        _scope = options.ConnectorScope;
    }

    public async Task<ConnectorAccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(AuthHttpClients.Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _clientId,
            ["client_secret"] = _clientSecret,
            ["scope"] = _scope,
        });

        var requestedAt = _time.GetUtcNow();
        using var response = await client.PostAsync(_tokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Entra error bodies (error, error_description, trace ids) hold no secrets and say what is wrong.
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"Token endpoint {_tokenEndpoint} answered {(int)response.StatusCode}: {Truncate(body, 500)}",
                inner: null,
                response.StatusCode);
        }

        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (!root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String
            || !TryReadSeconds(root, "expires_in", out var expiresIn))
        {
            throw new HttpRequestException($"Token endpoint {_tokenEndpoint} answered without access_token/expires_in.");
        }

        // Counted from the request, not the response, so a slow answer cannot make us keep the token too long.
        return new ConnectorAccessToken(accessToken.GetString()!, requestedAt.AddSeconds(expiresIn));
    }

    /// <summary>v2 endpoints send a number, older ones a string.</summary>
    private static bool TryReadSeconds(JsonElement root, string name, out double seconds)
    {
        seconds = 0;
        return root.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out seconds),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>User-assigned managed identity: the platform's identity endpoint, reached through Azure.Identity (§3.3).</summary>
internal sealed class ManagedIdentityTokenSource : IConnectorTokenSource
{
    private readonly TokenCredential _credential;
    private readonly string _scope;

    public ManagedIdentityTokenSource(TokenCredential credential, string scope)
    {
        _credential = credential;
        _scope = scope;
    }

    public static ManagedIdentityTokenSource ForClientId(string clientId, string scope) =>
        new(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)), scope);

    public async Task<ConnectorAccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken);
        return new ConnectorAccessToken(token.Token, token.ExpiresOn);
    }
}
