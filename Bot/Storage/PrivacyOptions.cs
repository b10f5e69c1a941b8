namespace SupervisionBot.Bot.Storage;

/// <summary>
/// How anonymous responses are released (config section "Privacy"). They wait in PendingResponses
/// and move to Responses together, so the time a response appears there says nothing about who sent it.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>How often waiting responses are looked at.</summary>
    public TimeSpan ReleaseInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Responses of one form are released only when at least this many wait, so each hides among the others.</summary>
    public int MinimumBatch { get; set; } = 5;

    /// <summary>A response waits at least this long, so a release never follows one submit closely.</summary>
    public TimeSpan MinimumWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this long a form's waiting responses are released even when fewer than <see cref="MinimumBatch"/>, so reports are not held back for ever.</summary>
    public TimeSpan MaximumWait { get; set; } = TimeSpan.FromDays(7);
}
