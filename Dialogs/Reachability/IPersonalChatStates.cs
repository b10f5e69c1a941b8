namespace SupervisionBot.Dialogs.Reachability;

/// <summary>Where the bot stands with a person's personal chat.</summary>
public enum ChatState
{
    /// <summary>The bot has no personal chat with them: the app has not been installed for them.</summary>
    None,

    Open,

    /// <summary>The last proactive message to them failed with 403 (MessageWritesBlocked): they blocked or removed the bot.</summary>
    Blocked,
}

/// <summary>What the host knows about people's personal chats: the conversation references and the outbox's last sends.</summary>
public interface IPersonalChatStates
{
    /// <summary>The state for each AAD object id asked about (every one of them is in the answer).</summary>
    Task<IReadOnlyDictionary<string, ChatState>> StatesAsync(IReadOnlyCollection<string> aadObjectIds, CancellationToken cancellationToken);
}
