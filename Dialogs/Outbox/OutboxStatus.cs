namespace SupervisionBot.Dialogs.Outbox;

public enum OutboxStatus
{
    Queued,

    /// <summary>A sender has it right now (or had it when its process died; another takes over when its claim runs out).</summary>
    Sending,

    /// <summary>The app was installed for the person; waiting for Teams to tell the bot their chat exists.</summary>
    AwaitingInstall,

    Sent,

    /// <summary>Final: <see cref="OutboxFailure"/> and a reason say why.</summary>
    Failed,
}

/// <summary>Why a message could not be delivered, in kinds an administrator can act on.</summary>
public enum OutboxFailure
{
    /// <summary>403 MessageWritesBlocked: the person blocked or uninstalled the bot.</summary>
    Blocked,

    /// <summary>Another 403: the bot may not write there (removed from the team, tenant policy).</summary>
    Forbidden,

    /// <summary>404: the conversation or the person is gone.</summary>
    NotFound,

    /// <summary>No chat with the person and none could be opened (no Teams user id, app not installable).</summary>
    Unreachable,

    /// <summary>Timeouts, 5xx or throttling on every attempt allowed.</summary>
    GaveUp,

    /// <summary>Another answer the connector will not change its mind about (400, 401…).</summary>
    Rejected,
}

/// <summary>How far one purpose has got.</summary>
public sealed record OutboxCounts(string Purpose, int Queued, int Sent, int Failed)
{
    public int Total => Queued + Sent + Failed;
}

/// <summary>One message that has not (yet) reached its recipient, and why.</summary>
public sealed record UndeliveredMessage(
    string Recipient,
    string MessageKey,
    OutboxMessageKind Kind,
    OutboxStatus Status,
    OutboxFailure? Failure,
    string? Reason,
    int Attempts);
