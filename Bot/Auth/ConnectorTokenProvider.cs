using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// The bot's bearer token for Bot Connector calls. One token serves every conversation, so it is cached
/// until shortly before it expires, and callers arriving while it is being fetched share that one request.
/// </summary>
public sealed class ConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly IConnectorTokenSource? _source;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshMargin;
    private readonly ILogger<ConnectorTokenProvider> _logger;
    private readonly Lock _gate = new();
    private CachedToken? _cached;
    private Task<CachedToken>? _inFlight;

    public ConnectorTokenProvider(
        IOptions<BotCredentials> credentials,
        IOptions<BotAuthOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<ConnectorTokenProvider> logger)
        : this(CreateSource(credentials.Value, options.Value, httpClientFactory, time), time, options.Value.TokenRefreshMargin, logger)
    {
    }

    internal ConnectorTokenProvider(IConnectorTokenSource? source, TimeProvider time, TimeSpan refreshMargin, ILogger<ConnectorTokenProvider> logger)
    {
        _source = source;
        _time = time;
        _refreshMargin = refreshMargin;
        _logger = logger;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_source is null)
        {
            return null;
        }

        Task<CachedToken> fetch;
        lock (_gate)
        {
            if (_cached is { } cached && _time.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Value;
            }

            // Task.Run so the request starts outside the lock; its completion needs the lock, which we still hold.
            fetch = _inFlight ??= Task.Run(FetchAsync, CancellationToken.None);
        }

        // A caller that gives up must not cancel the request other callers are waiting for.
        var token = await fetch.WaitAsync(cancellationToken);
        return token.Value;
    }

    internal static IConnectorTokenSource? CreateSource(BotCredentials credentials, BotAuthOptions options, IHttpClientFactory httpClientFactory, TimeProvider time)
    {
        if (credentials.IsLocalMode)
        {
            return null;
        }

        return credentials.IsManagedIdentity
            ? ManagedIdentityTokenSource.ForClientId(credentials.MicrosoftAppId!, options.ConnectorScope)
            : new ClientSecretTokenSource(httpClientFactory, time, credentials, options);
    }

    private async Task<CachedToken> FetchAsync()
    {
        CachedToken? fetched = null;
        try
        {
            var token = await _source!.AcquireAsync(CancellationToken.None);
            var lifetime = token.ExpiresOn - _time.GetUtcNow();
            // A token shorter-lived than twice the margin would otherwise be refetched on every call.
            var margin = lifetime < _refreshMargin * 2 ? lifetime / 2 : _refreshMargin;
            fetched = new CachedToken(token.Value, token.ExpiresOn - margin);
            _logger.LogInformation("Acquired Connector token valid until {ExpiresOn:O}", token.ExpiresOn);
            return fetched;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not acquire a Connector token");
            throw;
        }
        finally
        {
            lock (_gate)
            {
                if (fetched is not null)
                {
                    _cached = fetched;
                }

                _inFlight = null;
            }
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
