using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Outbox;

/// <summary>Once a minute: reads the queue depth for the gauge and /healthz, and logs what the outbox did.</summary>
public sealed class OutboxReporter(OutboxStorage storage, OutboxMetrics metrics, SharedRateLimiter rate, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReportInterval;
        try
        {
            await storage.WhenCreatedAsync(stoppingToken);
            metrics.QueueDepth = await storage.QueueDepthAsync(stoppingToken) ?? -1;
            var last = metrics.Totals;
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                metrics.QueueDepth = await storage.QueueDepthAsync(stoppingToken) ?? -1;
                var totals = metrics.Totals;
                var change = totals - last;
                last = totals;
                metrics.SendRate = change.Sent / interval.TotalSeconds;
                if (change != default || metrics.QueueDepth > 0)
                {
                    logger.LogInformation(
                        "Outbox: {Depth} queued, {Sent} sent in the last {Interval} ({Rate:F1}/s), {Throttled} answered 429, {Failed} failed; {Instances} instance(s), this one's share {Share:F1}/s",
                        metrics.QueueDepth, change.Sent, interval, metrics.SendRate, change.Throttled, change.Failed, rate.LiveInstances, rate.RatePerSecond);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
