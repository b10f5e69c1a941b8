namespace SupervisionBot.Bot.Connector;

/// <summary>Retry policy for calls to the Bot Connector (config section "Connector").</summary>
public sealed class ConnectorOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff when the service gives no Retry-After; doubled each attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest Retry-After we wait out inside a call. A user is waiting on most sends, so a longer
    /// throttle comes back as <see cref="ConnectorOutcome.Throttled"/> for the caller (a queue) to reschedule.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
