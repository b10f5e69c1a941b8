using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Graph;

/// <summary>
/// Installs the bot for someone who has never opened it, through Graph: Teams then creates the
/// bot's personal chat with them and tells the bot (install event), which saves the reference the
/// outbox is waiting for. Already installed is success: the chat exists.
/// </summary>
public sealed class GraphAppInstaller(OfficeGraph graph, ILogger<GraphAppInstaller> logger) : IAppInstaller
{
    public async Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            return await graph.InstallAppAsync(aadObjectId, cancellationToken) switch
            {
                InstallOutcome.Installed => new AppInstallResult(AppInstallOutcome.Installed),
                InstallOutcome.AlreadyInstalled => new AppInstallResult(AppInstallOutcome.AlreadyInstalled),
                _ => new AppInstallResult(AppInstallOutcome.UserNotFound, "no such user in Entra ID"),
            };
        }
        catch (GraphRefusedException ex)
        {
            logger.LogError("{Message}", ex.Message);
            return new AppInstallResult(AppInstallOutcome.Forbidden, ex.Message);
        }
        catch (Exception ex) when (ex is GraphFailedException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Installing the app for a user through Graph failed");
            return new AppInstallResult(AppInstallOutcome.Failed, ex.Message);
        }
    }
}
