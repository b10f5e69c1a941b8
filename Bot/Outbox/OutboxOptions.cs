namespace SupervisionBot.Bot.Outbox;

/// <summary>Proactive delivery (config section "Outbox"); the README's configuration table explains each key.</summary>
public sealed class OutboxOptions
{
    /// <summary>Teams' limit per bot per tenant, shared by every instance (Teams allows 30, 50 when raised).</summary>
    public double TenantRatePerSecond { get; set; } = 30;

    /// <summary>Teams' per-conversation limit for one second; the 2 s, 30 s and 1 h thread limits are kept too.</summary>
    public int ConversationRatePerSecond { get; set; } = 7;

    /// <summary>Attempts in all for timeouts and 5xx; then the message is failed with the last reason.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay after a timeout or 5xx; doubled each attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One send's time limit; past it the send counts as a timeout and is retried.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a sender owns a message it took; if its process dies, another takes over after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages one instance works on at once: also the most that can be sent twice after a crash.</summary>
    public int MaxInFlight { get; set; } = 32;

    /// <summary>How often each instance says it is alive and reads the shared rate state.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between looks at an empty queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After installing the app for someone, how often to look for their chat, and for how long.</summary>
    public TimeSpan InstallPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan InstallWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often queue depth, send rate, 429s and failures are logged.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Where to open chats and post to channels the bot has no stored reference for
    /// (Teams' regional service URL, e.g. https://smba.trafficmanager.net/apac/).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The tenant of new personal chats; defaults to MicrosoftAppTenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>e.g. https://account.queue.core.windows.net, used with the managed identity; else Storage:ConnectionString.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>False stops this instance sending (it still queues); for instances that must only serve chats.</summary>
    public bool Send { get; set; } = true;
}
