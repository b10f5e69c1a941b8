using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Filling;

namespace SupervisionBot.Bot.Messaging;

/// <summary>Runs the idle-form sweep on a timer and delivers its reminders and expiry notices.</summary>
public sealed class FormSweepService(
    SupervisionTables tables,
    FormSessionSweeper sweeper,
    IServiceProvider services,
    FormSessionPolicy policy,
    TimeProvider time,
    ILogger<FormSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await tables.WhenCreatedAsync(stoppingToken);
        using var timer = new PeriodicTimer(policy.SweepInterval, time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a sweep that fails must not stop the bot.
                logger.LogError(ex, "Idle-form sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var messages = await sweeper.SweepAsync(cancellationToken);
        var connector = services.GetRequiredService<ConnectorClient>();
        foreach (var message in messages)
        {
            var to = message.To!;
            var result = await connector.SendToConversationAsync(to.ServiceUrl, to.ConversationId, ActivityConverter.ToActivity(message), cancellationToken);
            if (!result.IsSuccess)
            {
                logger.LogWarning("Idle-form notice not delivered: {Outcome} {Status}", result.Outcome, result.StatusCode);
            }
        }
        if (messages.Count > 0)
        {
            logger.LogInformation("Idle-form sweep sent {Count} reminders or expiry notices", messages.Count);
        }
    }
}
