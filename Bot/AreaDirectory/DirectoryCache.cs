using Azure;
using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Bot.AreaDirectory;

/// <summary>
/// The current directory, held in memory so each turn's lookups cost nothing. At most once per
/// <see cref="AreaDirectoryOptions.RefreshSeconds"/> one turn checks the pointer row's ETag and
/// reloads when another instance has imported; this instance's own imports take effect at once.
/// </summary>
public sealed class DirectoryCache : IOfficeDirectorySource, IDisposable
{
    private readonly TableDirectoryStore _store;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<AreaDirectoryOptions> _options;
    private readonly ILogger<DirectoryCache> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _current;

    public void Dispose() => _refreshing.Dispose();

    private sealed record Snapshot(OfficeDirectory Directory, ETag? PointerETag, DateTimeOffset CheckedAt);

    public DirectoryCache(TableDirectoryStore store, TimeProvider time, IOptionsMonitor<AreaDirectoryOptions> options, ILogger<DirectoryCache> logger)
    {
        _store = store;
        _time = time;
        _options = options;
        _logger = logger;
        store.Imported += Invalidate;
    }

    public async ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() - current.CheckedAt < TimeSpan.FromSeconds(_options.CurrentValue.RefreshSeconds))
        {
            return current.Directory;
        }
        if (current is not null && !await _refreshing.WaitAsync(0, cancellationToken))
        {
            // Another turn is already checking; this one need not wait for it.
            return current.Directory;
        }
        if (current is null)
        {
            await _refreshing.WaitAsync(cancellationToken);
        }
        try
        {
            return (await RefreshAsync(_current, cancellationToken)).Directory;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The next turn reads the pointer again.</summary>
    public void Invalidate()
    {
        if (_current is { } current)
        {
            _current = current with { CheckedAt = DateTimeOffset.MinValue };
        }
    }

    private async Task<Snapshot> RefreshAsync(Snapshot? current, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (current is not null && now - current.CheckedAt < TimeSpan.FromSeconds(_options.CurrentValue.RefreshSeconds))
        {
            return current;
        }
        try
        {
            if (current is not null && await _store.PointerETagAsync(cancellationToken) == current.PointerETag)
            {
                return _current = current with { CheckedAt = now };
            }
            var loaded = await _store.LoadAsync(cancellationToken);
            _logger.LogInformation("Directory version {Version} loaded: {People} people, {Schools} schools",
                loaded.Version ?? "(none)", loaded.Directory.People.Count, loaded.Directory.Schools.Count);
            return _current = new Snapshot(loaded.Directory, loaded.PointerETag, now);
        }
        catch (Exception ex) when (current is not null && ex is RequestFailedException or HttpRequestException or InvalidOperationException)
        {
            // A storage hiccup keeps the version we have rather than failing the turn; try again next interval.
            _logger.LogWarning(ex, "Could not check the directory for a new version; keeping the one loaded");
            return _current = current with { CheckedAt = now };
        }
    }
}
