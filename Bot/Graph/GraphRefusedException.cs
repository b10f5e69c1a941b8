namespace SupervisionBot.Bot.Graph;

/// <summary>
/// Graph answered 403: the app lacks an application permission (or admin consent for it). The message
/// is for the IT admin who can grant it, and names the permission.
/// </summary>
public sealed class GraphRefusedException(string operation, string permission, string? graphSays)
    : Exception($"Microsoft Graph refused to {operation} (403 Forbidden). Grant the bot's app the application permission " +
        $"'{permission}' in Entra ID (API permissions, Microsoft Graph, Application) and give admin consent; see the README's " +
        $"\"Microsoft Graph\" section.{(string.IsNullOrWhiteSpace(graphSays) ? "" : " Graph said: " + graphSays)}")
{
    public string Operation { get; } = operation;

    public string Permission { get; } = permission;
}

/// <summary>The application permissions each Graph operation needs (the least privileged that works for an app).</summary>
public static class GraphPermissions
{
    public const string TeamRead = "Team.ReadBasic.All";
    public const string ChannelRead = "Channel.ReadBasic.All";
    public const string TeamMemberRead = "TeamMember.Read.All";
    public const string UserRead = "User.Read.All";
    public const string InstallForUser = "TeamsAppInstallation.ReadWriteSelfForUser.All";

    public static IReadOnlyList<string> All { get; } = [TeamRead, ChannelRead, TeamMemberRead, UserRead, InstallForUser];
}

/// <summary>Graph answered with another error, or still answered 429/503/504 after every retry allowed.</summary>
public sealed class GraphFailedException(string operation, int status, string detail, Exception inner)
    : Exception($"Microsoft Graph could not {operation}: HTTP {status}, {detail}", inner)
{
    public int Status { get; } = status;
}
