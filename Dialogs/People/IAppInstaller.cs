namespace SupervisionBot.Dialogs.People;

/// <summary>
/// Installs the bot for a person who has never opened it, so that its personal chat with them exists
/// and reminders can reach them. Microsoft Graph does it in production; the install event that
/// follows brings the conversation reference.
/// </summary>
public interface IAppInstaller
{
    Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken);
}

public enum AppInstallOutcome
{
    Installed,
    AlreadyInstalled,

    /// <summary>No such user in Entra ID.</summary>
    UserNotFound,

    /// <summary>The app lacks the Graph permission, or the tenant's policy blocks the app for this user.</summary>
    Forbidden,

    /// <summary>Anything else that did not succeed after retries; <see cref="AppInstallResult.Reason"/> says what.</summary>
    Failed,
}

public sealed record AppInstallResult(AppInstallOutcome Outcome, string? Reason = null);
