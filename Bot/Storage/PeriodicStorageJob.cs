namespace SupervisionBot.Bot.Storage;

/// <summary>
/// A storage job that runs once the tables exist, at start (a bot restarted more often than the
/// interval would otherwise never run it) and then every <see cref="Interval"/>. A failed run is
/// logged and tried again at the next one; it must not stop the bot.
/// </summary>
public abstract class PeriodicStorageJob(SupervisionTables tables, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await tables.WhenCreatedAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} failed; trying again in {Interval}", GetType().Name, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
