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

    /// <summary>
    /// Hosts (or <c>*.</c>-prefixed host suffixes, or explicit origins) the connector token may be sent to
    /// outside local mode; empty means <see cref="ServiceUrlPolicy.DefaultAllowedHosts"/>. Setting it replaces
    /// the defaults rather than adding to them.
    /// </summary>
    public List<string> AllowedServiceHosts { get; set; } = [];
}
