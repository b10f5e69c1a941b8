using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Bot.Scheduling;

/// <summary>Looks for due jobs every poll interval, on every instance; <see cref="JobRunner"/> keeps them from running twice.</summary>
public sealed class SchedulerService(
    SupervisionTables tables,
    JobRunner runner,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await tables.WhenCreatedAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                var finished = await runner.RunDueAsync(time.GetUtcNow(), stoppingToken);
                if (finished > 0)
                {
                    logger.LogInformation("Scheduler ran {Count} due jobs", finished);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; leases keep a half-run job from being lost or doubled.
                logger.LogError(ex, "Scheduler pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
