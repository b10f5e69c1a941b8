using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// Stands in for the Microsoft Graph installer when Graph is not configured: people without a chat
/// are then marked unreachable with this reason, visible in "who did not get it", not dropped.
/// </summary>
public sealed class UnconfiguredAppInstaller : IAppInstaller
{
    public const string Reason = "no installer configured";

    public Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(new AppInstallResult(AppInstallOutcome.Failed, Reason));
}
