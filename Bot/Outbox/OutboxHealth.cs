namespace SupervisionBot.Bot.Outbox;

/// <summary>The outbox's part of /healthz. Informational: a paused or idle outbox is not an unhealthy bot.</summary>
public sealed class OutboxHealth(OutboxSender sender, SharedRateLimiter rate, OutboxMetrics metrics, TimeProvider time)
{
    public OutboxReport Report()
    {
        var paused = rate.PausedUntil;
        var totals = metrics.Totals;
        return new OutboxReport(
            sender.State.ToString().ToLowerInvariant(),
            metrics.QueueDepth < 0 ? null : metrics.QueueDepth,
            rate.LiveInstances,
            Math.Round(rate.RatePerSecond, 1),
            paused > time.GetUtcNow() ? paused : null,
            totals.Sent,
            totals.Throttled,
            totals.Failed);
    }
}

/// <param name="QueueDepth">Approximate, as of the last report (once a minute); null before the first.</param>
/// <param name="RatePerSecond">This instance's current share of the tenant's rate.</param>
public sealed record OutboxReport(
    string State,
    long? QueueDepth,
    int Instances,
    double RatePerSecond,
    DateTimeOffset? PausedUntil,
    long Sent,
    long Throttled,
    long Failed);
