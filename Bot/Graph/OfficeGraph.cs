using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace SupervisionBot.Bot.Graph;

public sealed record GraphTeam(string Id, string DisplayName);

public sealed record GraphChannel(string Id, string DisplayName);

/// <summary>A team member; <see cref="Email"/> is what Teams shows, often the UPN.</summary>
public sealed record GraphMember(string UserId, string? Email, string? DisplayName);

/// <param name="UserType"><c>Member</c> or <c>Guest</c>.</param>
public sealed record GraphUser(string Id, string? DisplayName, string? Mail, string? UserPrincipalName, string? UserType)
{
    public bool IsGuest => string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase);
}

public enum InstallOutcome
{
    Installed,
    AlreadyInstalled,
    UserNotFound,
}

/// <summary>
/// What the bot asks Microsoft Graph, app-only. Retries on 429 (honouring Retry-After), 503 and 504
/// are the SDK's retry handler (see <see cref="GraphServices"/>); lists follow @odata.nextLink to the
/// end. Not found is null; 403 is a <see cref="GraphRefusedException"/> naming the missing permission;
/// anything else that still fails is a <see cref="GraphFailedException"/>.
/// </summary>
public sealed class OfficeGraph(GraphServiceClient client, IOptions<GraphOptions> options)
{
    private static readonly string[] TeamFields = ["id", "displayName"];
    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName", "userType"];

    public Task<GraphTeam?> TeamAsync(string teamId, CancellationToken ct) =>
        OrNullAsync("read a team", GraphPermissions.TeamRead, async () =>
            await client.Teams[teamId].GetAsync(r => r.QueryParameters.Select = TeamFields, ct) is { Id: { } id } team
                ? new GraphTeam(id, team.DisplayName ?? "")
                : null);

    /// <summary>Every team with exactly this name (Graph compares case-insensitively).</summary>
    public Task<IReadOnlyList<GraphTeam>> TeamsNamedAsync(string name, CancellationToken ct) =>
        CallAsync("list teams", GraphPermissions.TeamRead, () => AllPagesAsync(
            () => client.Teams.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"displayName eq {Literal(name)}";
                r.QueryParameters.Select = TeamFields;
            }, ct),
            next => client.Teams.WithUrl(next).GetAsync(cancellationToken: ct),
            page => page.Value, team => team.Id is { } id ? new GraphTeam(id, team.DisplayName ?? "") : null));

    public Task<GraphChannel?> ChannelAsync(string teamId, string channelId, CancellationToken ct) =>
        OrNullAsync("read a channel", GraphPermissions.ChannelRead, async () =>
            ToChannel(await client.Teams[teamId].Channels[channelId].GetAsync(r => r.QueryParameters.Select = TeamFields, ct)));

    public Task<IReadOnlyList<GraphChannel>> ChannelsAsync(string teamId, CancellationToken ct) =>
        CallAsync("list a team's channels", GraphPermissions.ChannelRead, () => AllPagesAsync(
            () => client.Teams[teamId].Channels.GetAsync(r => r.QueryParameters.Select = TeamFields, ct),
            next => client.Teams[teamId].Channels.WithUrl(next).GetAsync(cancellationToken: ct),
            page => page.Value, ToChannel));

    /// <summary>The team's General channel.</summary>
    public Task<GraphChannel?> GeneralChannelAsync(string teamId, CancellationToken ct) =>
        OrNullAsync("read a team's General channel", GraphPermissions.ChannelRead, async () =>
            ToChannel(await client.Teams[teamId].PrimaryChannel.GetAsync(r => r.QueryParameters.Select = TeamFields, ct)));

    public Task<IReadOnlyList<GraphMember>> TeamMembersAsync(string teamId, CancellationToken ct) =>
        CallAsync("list a team's members", GraphPermissions.TeamMemberRead, () => AllPagesAsync(
            () => client.Teams[teamId].Members.GetAsync(cancellationToken: ct),
            next => client.Teams[teamId].Members.WithUrl(next).GetAsync(cancellationToken: ct),
            page => page.Value,
            member => member is AadUserConversationMember { UserId: { } userId } aad ? new GraphMember(userId, aad.Email, aad.DisplayName) : null));

    /// <summary>The user whose UPN or primary email address this is, or null.</summary>
    public async Task<GraphUser?> UserByEmailAsync(string emailOrUpn, CancellationToken ct)
    {
        var found = await CallAsync("look up users", GraphPermissions.UserRead, () => AllPagesAsync(
            () => client.Users.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"userPrincipalName eq {Literal(emailOrUpn)} or mail eq {Literal(emailOrUpn)}";
                r.QueryParameters.Select = UserFields;
            }, ct),
            next => client.Users.WithUrl(next).GetAsync(cancellationToken: ct),
            page => page.Value, ToUser));
        // A UPN match is exact; when one person's mail is another's UPN, the UPN wins.
        return found.FirstOrDefault(u => string.Equals(u.UserPrincipalName, emailOrUpn, StringComparison.OrdinalIgnoreCase))
            ?? (found.Count == 1 ? found[0] : null);
    }

    public Task<GraphUser?> UserAsync(string aadObjectId, CancellationToken ct) =>
        OrNullAsync("read a user", GraphPermissions.UserRead, async () =>
            ToUser(await client.Users[aadObjectId].GetAsync(r => r.QueryParameters.Select = UserFields, ct)));

    /// <summary>Installs the bot's app for the user (its personal scope), so that the bot's chat with them exists.</summary>
    public async Task<InstallOutcome> InstallAppAsync(string aadObjectId, CancellationToken ct)
    {
        var appId = options.Value.TeamsAppId
            ?? throw new InvalidOperationException("Graph:TeamsAppId is not set: the app's id in the organisation's Teams app catalogue.");
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{Uri.EscapeDataString(appId)}",
            },
        };
        try
        {
            await CallAsync("install the app for a user", GraphPermissions.InstallForUser, async () =>
                await client.Users[aadObjectId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: ct));
            return InstallOutcome.Installed;
        }
        catch (GraphFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return InstallOutcome.AlreadyInstalled;
        }
        catch (GraphFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return InstallOutcome.UserNotFound;
        }
    }

    /// <summary>An OData string literal: quotes doubled, so a name cannot change the filter.</summary>
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static GraphChannel? ToChannel(Channel? channel) =>
        channel?.Id is { } id ? new GraphChannel(id, channel.DisplayName ?? "") : null;

    private static GraphUser? ToUser(User? user) =>
        user?.Id is { } id ? new GraphUser(id, user.DisplayName, user.Mail, user.UserPrincipalName, user.UserType) : null;

    private static async Task<IReadOnlyList<TItem>> AllPagesAsync<TPage, TValue, TItem>(
        Func<Task<TPage?>> first, Func<string, Task<TPage?>> next, Func<TPage, List<TValue>?> values, Func<TValue, TItem?> map)
        where TPage : BaseCollectionPaginationCountResponse
        where TItem : class
    {
        var items = new List<TItem>();
        var page = await first();
        while (page is not null)
        {
            items.AddRange((values(page) ?? []).Select(map).OfType<TItem>());
            page = page.OdataNextLink is { Length: > 0 } link ? await next(link) : null;
        }
        return items;
    }

    private static async Task<T?> OrNullAsync<T>(string operation, string permission, Func<Task<T?>> call) where T : class
    {
        try
        {
            return await CallAsync(operation, permission, call);
        }
        catch (GraphFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<T> CallAsync<T>(string operation, string permission, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.Forbidden)
        {
            throw new GraphRefusedException(operation, permission, Detail(ex));
        }
        catch (ApiException ex)
        {
            throw new GraphFailedException(operation, ex.ResponseStatusCode, Detail(ex), ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.LastOrDefault() is ApiException last)
        {
            // The SDK's retry handler gave up: every answer was 429, 503 or 504.
            throw new GraphFailedException(operation, last.ResponseStatusCode, $"still failing after {ex.InnerExceptions.Count} attempts: {Detail(last)}", ex);
        }
    }

    private static string Detail(ApiException ex) =>
        ex is ODataError { Error: { } error } ? $"{error.Code}: {error.Message}" : ex.Message;
}
