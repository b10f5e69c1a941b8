using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// The signing keys behind one OpenID metadata document, cached and refreshed on a schedule or when
/// a token names a key we have not seen. Written by hand rather than with IdentityModel's
/// ConfigurationManager because that one refreshes in the background, so "refresh on unknown kid,
/// then retry once" would race, and it does not run on <see cref="TimeProvider"/>.
/// </summary>
internal sealed class OpenIdKeySource
{
    private readonly string _metadataUrl;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly BotAuthOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile SigningKeySet? _current;
    private int _failuresInARow;
    private DateTimeOffset _nextAttemptAfterFailure;

    public OpenIdKeySource(string metadataUrl, IHttpClientFactory httpClientFactory, TimeProvider time, BotAuthOptions options, ILogger logger)
    {
        _metadataUrl = metadataUrl;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <returns>The keys, or null when they have never been fetched successfully.</returns>
    public async Task<SigningKeySet?> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() - current.FetchedAt < _options.KeyRefreshInterval)
        {
            return current;
        }

        return await RefreshAsync(current, _options.KeyRefreshInterval, cancellationToken);
    }

    /// <summary>Called when a token's kid is not in <paramref name="seen"/>: the issuer may have rotated its keys.</summary>
    /// <returns>The newest keys, which may still be <paramref name="seen"/> if a refresh happened too recently.</returns>
    public Task<SigningKeySet?> RefreshForUnknownKeyAsync(SigningKeySet seen, CancellationToken cancellationToken) =>
        RefreshAsync(seen, _options.UnknownKeyRefreshMinInterval, cancellationToken);

    private async Task<SigningKeySet?> RefreshAsync(SigningKeySet? seen, TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            // Another caller refreshed while we waited for the gate.
            if (!ReferenceEquals(current, seen))
            {
                return current;
            }

            var now = _time.GetUtcNow();
            if (current is not null && now - current.FetchedAt < minimumAge)
            {
                return current;
            }

            // Without this, every request during an outage (or every forged token) would be one more download.
            if (_failuresInARow > 0 && now < _nextAttemptAfterFailure)
            {
                return current;
            }

            try
            {
                _current = await FetchAsync(cancellationToken);
                _failuresInARow = 0;
                _logger.LogInformation("Fetched {KeyCount} signing keys via {MetadataUrl}", _current.Keys.Count, _metadataUrl);
                return _current;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or InvalidOperationException
                                           || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                _failuresInARow++;
                var wait = BackoffAfter(_failuresInARow);
                _nextAttemptAfterFailure = _time.GetUtcNow() + wait;
                // Stale keys beat no keys: the issuer's keys rarely change, its endpoint may be briefly down.
                _logger.LogWarning(ex, "Could not refresh signing keys via {MetadataUrl}; {Fallback}; next try in {Wait}", _metadataUrl,
                    current is null ? "no keys available" : "keeping the previous keys", wait);
                return current;
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private TimeSpan BackoffAfter(int failures)
    {
        var doubled = _options.MetadataFailureBackoff * Math.Pow(2, Math.Min(failures - 1, 16));
        return doubled < _options.UnknownKeyRefreshMinInterval ? doubled : _options.UnknownKeyRefreshMinInterval;
    }

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(AuthHttpClients.Metadata);

        var metadataJson = await client.GetStringAsync(_metadataUrl, cancellationToken);
        string? jwksUri;
        using (var metadata = JsonDocument.Parse(metadataJson))
        {
            jwksUri = metadata.RootElement.ValueKind == JsonValueKind.Object
                      && metadata.RootElement.TryGetProperty("jwks_uri", out var uri)
                      && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()
                : null;
        }

        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwksAddress))
        {
            throw new InvalidOperationException($"OpenID metadata at {_metadataUrl} has no usable jwks_uri.");
        }

        var jwksJson = await client.GetStringAsync(jwksAddress, cancellationToken);
        return SigningKeySet.Parse(jwksJson, _time.GetUtcNow());
    }
}
