namespace SupervisionBot.Bot.Auth;

/// <summary>
/// The bot's identity, read from the configuration keys every Bot Framework bot uses
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>),
/// so an Azure Bot's App Service settings work unchanged. No app id means local mode.
/// </summary>
public sealed class BotCredentials
{
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsManagedIdentity =>
        string.Equals(MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
}
