using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// Refuses to start with credentials that cannot work, rather than failing on the first message.
/// Only the Development environment may run in local mode: anywhere else (Staging and test slots included)
/// that would switch inbound authentication off on a machine others can reach.
/// </summary>
internal sealed class BotCredentialsValidator : IValidateOptions<BotCredentials>
{
    private readonly IHostEnvironment _environment;

    public BotCredentialsValidator(IHostEnvironment environment) => _environment = environment;

    public ValidateOptionsResult Validate(string? name, BotCredentials credentials)
    {
        if (credentials.IsLocalMode)
        {
            return _environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "MicrosoftAppId is not configured, which means local mode with authentication disabled; "
                    + $"the bot runs that way only in the Development environment and refuses to start in '{_environment.EnvironmentName}'. "
                    + "Set MicrosoftAppType, MicrosoftAppId, MicrosoftAppTenantId (and MicrosoftAppPassword for SingleTenant), "
                    + "or ASPNETCORE_ENVIRONMENT=Development on your own machine.");
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
