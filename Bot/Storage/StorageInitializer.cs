namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Creates the tables at start. Storage being briefly down must not stop the bot from starting
/// (health reports it), so this keeps trying in the background.
/// </summary>
public sealed class StorageInitializer(SupervisionTables tables, TimeProvider time, ILogger<StorageInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.EnsureCreatedAsync(stoppingToken);
                logger.LogInformation("Storage tables are ready");
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Storage is not reachable yet; retrying in {Delay}", delay);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 60));
            }
        }
    }
}
