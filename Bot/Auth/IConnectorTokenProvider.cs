namespace SupervisionBot.Bot.Auth;

/// <summary>Bearer tokens for calls to the Bot Connector (scope https://api.botframework.com/.default).</summary>
public interface IConnectorTokenProvider
{
    /// <returns>The access token, or null in local mode where outbound calls carry no token.</returns>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
