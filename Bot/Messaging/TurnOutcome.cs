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
    /// <summary>Still running when the turn's deadline (Messaging:TurnDeadline) passed.</summary>
    TimedOut,
    /// <summary>The caller hung up before the turn finished.</summary>
    Aborted,
}
