using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// Keeps all instances together under the tenant's rate. Each instance writes a heartbeat row and
/// counts the live ones; it sends at its share (the rate ÷ live instances), spaced by
/// <see cref="SendTurns"/>. A newcomer waits until every other instance has had a heartbeat to see
/// it, so shares never add up to more than the whole. A 429 pauses everyone for its Retry-After and
/// lowers a shared rate factor, which then climbs back; both live in one row every instance reads
/// with its heartbeat.
/// </summary>
public sealed class SharedRateLimiter(OutboxStorage storage, IOptions<OutboxOptions> options, TimeProvider time, ILogger<SharedRateLimiter> logger)
{
    /// <summary>Paced a little under the limit: network jitter bunches evenly spaced sends on the way.</summary>
    public const double Headroom = 0.95;

    private const string InstancesPartition = "~instances";
    private const string RatePartition = "~rate";
    private const string ThrottleRow = "throttle";
    private const double FactorFloor = 0.2;
    private const double FactorDecrease = 0.8;
    private const double FactorRecoveryPerSecond = 0.1;
    private static readonly TimeSpan DecreaseWindow = TimeSpan.FromSeconds(2);

    private readonly OutboxOptions _options = options.Value;
    private readonly object _gate = new();

    /// <summary>
    /// How long an instance counts as live after its last heartbeat. Generous: a busy machine delays
    /// heartbeats, and counting a live instance as gone would let the others send too fast; counting a
    /// dead one a little longer only slows them for a while.
    /// </summary>
    private TimeSpan LiveFor => TimeSpan.FromTicks(Math.Max(_options.HeartbeatInterval.Ticks * 5, TimeSpan.FromSeconds(10).Ticks));
    private readonly SendTurns _turns = new();

    // Table Storage cannot hold dates before 1601, so "never" is the epoch rather than MinValue.
    private DateTimeOffset _pausedUntil = DateTimeOffset.UnixEpoch;
    private double _factor = 1;
    private DateTimeOffset _factorAt = DateTimeOffset.UnixEpoch;
    private int _liveInstances = 1;

    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public int LiveInstances => Volatile.Read(ref _liveInstances);

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>This instance's current share, in messages per second.</summary>
    public double RatePerSecond
    {
        get
        {
            lock (_gate)
            {
                return ShareAt(time.GetUtcNow());
            }
        }
    }

    /// <summary>Registers this instance and waits until the others have seen it; then keeps the heartbeat until stopped.</summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        await Task.Delay(_options.HeartbeatInterval * 2, time, cancellationToken);
        await BeatAsync(cancellationToken);
    }

    public async Task RunHeartbeatAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, time, cancellationToken);
                await BeatAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                // Keep the last known share: the others count us as live for a while yet.
                logger.LogWarning(ex, "Outbox heartbeat failed; keeping the last known rate share");
            }
        }
    }

    /// <summary>Leaves at once on a clean shutdown, so the others take up its share without waiting.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.Table.DeleteEntityAsync(InstancesPartition, InstanceId, ETag.All, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not remove this instance's heartbeat row; it expires by itself");
        }
    }

    /// <summary>Waits for this instance's next turn to send one message.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset grant;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var start = now < _pausedUntil ? _pausedUntil : now;
                grant = _turns.Take(start, ShareAt);
            }
            var wait = grant - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            lock (_gate)
            {
                // A 429 that arrived while we slept pauses this send too.
                if (time.GetUtcNow() >= _pausedUntil)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A 429: pause every sender for Retry-After, and slow all of them down for a while.</summary>
    public async Task OnThrottledAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (retryAfter is { } wait && now + wait > _pausedUntil)
            {
                _pausedUntil = now + wait;
            }
            if (now - _factorAt >= DecreaseWindow)
            {
                _factor = Math.Max(FactorFloor, FactorAt(now) * FactorDecrease);
                _factorAt = now;
            }
        }
        try
        {
            await ShareThrottleAsync(cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Could not share a 429 with the other instances; they learn of it from their own");
        }
    }

    private double FactorAt(DateTimeOffset now) =>
        Math.Min(1, _factor + FactorRecoveryPerSecond * Math.Max(0, (now - _factorAt).TotalSeconds));

    private double ShareAt(DateTimeOffset now) =>
        Math.Max(0.01, _options.TenantRatePerSecond * Headroom * FactorAt(now) / Math.Max(1, _liveInstances));

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await storage.Table.UpsertEntityAsync(new TableEntity(InstancesPartition, InstanceId) { ["LastSeen"] = now }, TableUpdateMode.Replace, cancellationToken);
        var live = 0;
        var expired = new List<TableEntity>();
        await foreach (var row in storage.Table.QueryAsync<TableEntity>(e => e.PartitionKey == InstancesPartition, cancellationToken: cancellationToken))
        {
            var age = now - (row.GetDateTimeOffset("LastSeen") ?? DateTimeOffset.MinValue);
            if (age <= LiveFor)
            {
                live++;
            }
            else if (age > LiveFor * 10)
            {
                expired.Add(row);
            }
        }
        Volatile.Write(ref _liveInstances, Math.Max(1, live));
        foreach (var row in expired)
        {
            try
            {
                await storage.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException)
            {
                // Another instance cleared it first.
            }
        }
        var shared = await storage.Table.GetEntityIfExistsAsync<TableEntity>(RatePartition, ThrottleRow, cancellationToken: cancellationToken);
        if (shared.HasValue && shared.Value is { } throttle)
        {
            Adopt(throttle);
        }
    }

    private void Adopt(TableEntity throttle)
    {
        lock (_gate)
        {
            if (throttle.GetDateTimeOffset("PausedUntil") is { } paused && paused > _pausedUntil)
            {
                _pausedUntil = paused;
            }
            if (throttle.GetDateTimeOffset("FactorAt") is { } at && at > _factorAt && throttle.GetDouble("Factor") is { } factor)
            {
                _factor = factor;
                _factorAt = at;
            }
        }
    }

    /// <summary>Merges our throttle state into the shared row: the later pause and the newer factor win.</summary>
    private async Task ShareThrottleAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await storage.Table.GetEntityIfExistsAsync<TableEntity>(RatePartition, ThrottleRow, cancellationToken: cancellationToken);
            if (current.HasValue && current.Value is { } existing)
            {
                Adopt(existing);
            }
            TableEntity row;
            lock (_gate)
            {
                row = new TableEntity(RatePartition, ThrottleRow) { ["PausedUntil"] = _pausedUntil, ["Factor"] = _factor, ["FactorAt"] = _factorAt };
            }
            try
            {
                if (current.HasValue && current.Value is { } found)
                {
                    await storage.Table.UpdateEntityAsync(row, found.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await storage.Table.AddEntityAsync(row, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance wrote first: read its state, merge and try again.
            }
        }
    }
}
