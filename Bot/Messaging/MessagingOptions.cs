namespace SupervisionBot.Bot.Messaging;

/// <summary>Limits on one inbound activity (configuration section "Messaging").</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// How long one turn may take, connector retries and Retry-After waits included. Teams gives up on a
    /// request after about 15 s, and a turn still running then only holds a thread and a connection.
    /// </summary>
    public TimeSpan TurnDeadline { get; set; } = TimeSpan.FromSeconds(10);
}
