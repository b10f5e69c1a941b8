namespace SupervisionBot.Bot.Connector;

/// <summary>How the connector waits between attempts; a seam so retry tests observe delays instead of sleeping.</summary>
public interface IRetryDelay
{
    DateTimeOffset UtcNow { get; }
    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}

public sealed class TimeProviderRetryDelay(TimeProvider time) : IRetryDelay
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, time, cancellationToken);
}
