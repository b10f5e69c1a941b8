namespace SupervisionBot.Bot.Connector;

public enum ConnectorOutcome
{
    Success,
    /// <summary>403 MessageWritesBlocked: the user blocked or uninstalled the bot. Reportable, never retried.</summary>
    Blocked,
    /// <summary>404: the conversation or recipient is gone.</summary>
    NotFound,
    /// <summary>Still throttled after the retries, or asked to wait longer than we wait in-call.</summary>
    Throttled,
    Failed,
}

/// <summary>The typed result of a connector call; transport errors become <see cref="ConnectorOutcome.Failed"/>, not exceptions.</summary>
public sealed record ConnectorResult<T>(ConnectorOutcome Outcome, T? Value, int StatusCode, string? ErrorCode, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Outcome == ConnectorOutcome.Success;
}
