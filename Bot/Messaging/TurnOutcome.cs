namespace SupervisionBot.Bot.Messaging;

/// <summary>How a request ended, for the one log line per turn.</summary>
public enum TurnOutcome
{
    Handled,
    Ignored,
    Duplicate,
    Rejected,

    /// <summary>Authenticated but malformed: answered 400, nothing stored.</summary>
    Refused,
    Failed,
}
