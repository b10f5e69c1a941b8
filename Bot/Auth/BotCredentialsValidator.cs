using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// Refuses to start with credentials that cannot work, rather than failing on the first message.
/// Production never runs in local mode: that would switch inbound authentication off.
/// </summary>
internal sealed class BotCredentialsValidator : IValidateOptions<BotCredentials>
{
    private readonly IHostEnvironment _environment;

    public BotCredentialsValidator(IHostEnvironment environment) => _environment = environment;

    public ValidateOptionsResult Validate(string? name, BotCredentials credentials)
    {
        if (credentials.IsLocalMode)
        {
            return _environment.IsProduction()
                ? ValidateOptionsResult.Fail(
                    "MicrosoftAppId is not configured, which means local mode with authentication disabled; "
                    + "the bot refuses to start that way in Production. Set MicrosoftAppType, MicrosoftAppId, "
                    + "MicrosoftAppTenantId (and MicrosoftAppPassword for SingleTenant).")
                : ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
        {
            failures.Add($"MicrosoftAppTenantId is required for MicrosoftAppType '{credentials.MicrosoftAppType}'.");
        }

        if (credentials.IsManagedIdentity)
        {
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        // Multi-tenant registrations can no longer be created, so SingleTenant is the only secret-based type we accept.
        if (!string.Equals(credentials.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType must be 'SingleTenant' or 'UserAssignedMSI', not '{credentials.MicrosoftAppType}'.");
        }

        if (string.IsNullOrWhiteSpace(credentials.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword is required for MicrosoftAppType 'SingleTenant'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
