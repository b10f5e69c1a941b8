using System.Collections.Concurrent;
using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Bot.Graph;

/// <summary>What <c>directory link</c> found: the directory with the ids filled in, and what it could not fill.</summary>
public sealed record DirectoryLink(OfficeDirectory Linked, int TeamsFound, int ChannelsFound, int PeopleFromTeams, int PeopleFromLookup, IReadOnlyList<string> Problems)
{
    public bool Changed => TeamsFound + ChannelsFound + PeopleFromTeams + PeopleFromLookup > 0;

    public override string ToString() =>
        $"groups: {TeamsFound} team id(s) and {ChannelsFound} channel id(s) filled; " +
        $"people: {PeopleFromTeams} AAD object id(s) filled from team members, {PeopleFromLookup} from a user lookup; " +
        $"{Linked.People.Count(p => p.AadObjectId is null)} of {Linked.People.Count} people still without one.";
}

/// <summary>
/// Fills what groups.csv and people.csv left empty, through Graph: a group's team by its Thai or
/// English name, its channel (the channel named like the group, else General), and a person's
/// AAD object id from their group teams' members, else by looking up their email/UPN. Ids already
/// in the directory are checked, never replaced. A 403 stops it (<see cref="GraphRefusedException"/>):
/// every other call would be refused too.
/// </summary>
public sealed class DirectoryLinker(OfficeGraph graph)
{
    /// <summary>User lookups in flight at once: fast for thousands of people, far under Graph's per-app limits.</summary>
    private const int LookupParallelism = 4;

    public async Task<DirectoryLink> LinkAsync(OfficeDirectory directory, CancellationToken ct)
    {
        var problems = new List<string>();
        var groups = new List<SchoolGroup>();
        var (teams, channels) = (0, 0);
        var memberIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in directory.Groups)
        {
            var link = await LinkGroupAsync(group, problems, ct);
            groups.Add(link.Group);
            teams += link.FoundTeam ? 1 : 0;
            channels += link.FoundChannel ? 1 : 0;
            if (link.Team is { } team)
            {
                await CollectMembersAsync(group, team, memberIds, problems, ct);
            }
        }

        var taken = directory.People.Where(p => p.AadObjectId is not null)
            .ToDictionary(p => p.AadObjectId!, p => p.Email, StringComparer.OrdinalIgnoreCase);
        var found = new ConcurrentDictionary<string, (string Id, bool FromTeam)>(StringComparer.OrdinalIgnoreCase);
        var lookupProblems = new ConcurrentBag<string>();
        var missing = directory.People.Where(p => p.AadObjectId is null).ToList();
        foreach (var person in missing.Where(p => memberIds.ContainsKey(p.Email)))
        {
            found[person.Email] = (memberIds[person.Email], true);
        }
        await Parallel.ForEachAsync(missing.Where(p => !found.ContainsKey(p.Email)),
            new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = ct },
            async (person, token) =>
            {
                try
                {
                    if (await graph.UserByEmailAsync(person.Email, token) is { } user)
                    {
                        found[person.Email] = (user.Id, false);
                    }
                    else
                    {
                        lookupProblems.Add($"people.csv {person.Email}: no user with this email or UPN in Entra ID");
                    }
                }
                catch (GraphFailedException ex)
                {
                    lookupProblems.Add($"people.csv {person.Email}: {ex.Message}");
                }
            });
        problems.AddRange(lookupProblems.Order(StringComparer.Ordinal));

        var (fromTeams, fromLookup) = (0, 0);
        var people = new List<Person>();
        foreach (var person in directory.People)
        {
            if (person.AadObjectId is null && found.TryGetValue(person.Email, out var id))
            {
                if (taken.TryGetValue(id.Id, out var holder))
                {
                    // Two rows for one Entra user: the admin must say which is right.
                    problems.Add($"people.csv {person.Email}: Entra ID gives AAD object id {id.Id}, which people.csv already gives {holder}");
                }
                else
                {
                    taken[id.Id] = person.Email;
                    people.Add(person with { AadObjectId = id.Id });
                    if (id.FromTeam)
                    {
                        fromTeams++;
                    }
                    else
                    {
                        fromLookup++;
                    }
                    continue;
                }
            }
            people.Add(person);
        }
        var linked = new OfficeDirectory(groups, directory.Schools, directory.Centres, people);
        return new DirectoryLink(linked, teams, channels, fromTeams, fromLookup, problems);
    }

    private static string GroupLabel(SchoolGroup group) => $"groups.csv group {group.Number}:";

    /// <param name="Team">The group's team id once Graph has confirmed the team exists.</param>
    private sealed record GroupLink(SchoolGroup Group, string? Team, bool FoundTeam, bool FoundChannel);

    private async Task<GroupLink> LinkGroupAsync(SchoolGroup group, List<string> problems, CancellationToken ct)
    {
        var label = GroupLabel(group);
        try
        {
            var teamId = group.TeamId;
            var foundTeam = false;
            if (teamId is not null)
            {
                if (await graph.TeamAsync(teamId, ct) is null)
                {
                    problems.Add($"{label} no team with team_id {teamId}");
                    return new GroupLink(group, null, false, false);
                }
            }
            else
            {
                var named = await TeamsNamedAsync(group, ct);
                if (named.Count != 1)
                {
                    problems.Add(named.Count == 0
                        ? $"{label} no team named \"{group.NameTh}\"{(group.NameEn is null ? "" : $" or \"{group.NameEn}\"")}; put its id in team_id"
                        : $"{label} {named.Count} teams are named like the group ({string.Join(", ", named.Select(t => t.Id))}); put the right one in team_id");
                    return new GroupLink(group, null, false, false);
                }
                (teamId, foundTeam) = (named[0].Id, true);
            }

            if (group.ChannelId is { } channelId)
            {
                if (await graph.ChannelAsync(teamId, channelId, ct) is null)
                {
                    problems.Add($"{label} no channel with channel_id {channelId} in team {teamId}");
                }
                return new GroupLink(group with { TeamId = teamId }, teamId, foundTeam, false);
            }
            var channels = await graph.ChannelsAsync(teamId, ct);
            var channel = channels.FirstOrDefault(c => NamedLike(group, c.DisplayName)) ?? await graph.GeneralChannelAsync(teamId, ct);
            if (channel is null)
            {
                problems.Add($"{label} team {teamId} has no channel named like the group and no General channel; put one in channel_id");
                return new GroupLink(group with { TeamId = teamId }, teamId, foundTeam, false);
            }
            return new GroupLink(group with { TeamId = teamId, ChannelId = channel.Id }, teamId, foundTeam, true);
        }
        catch (GraphFailedException ex)
        {
            problems.Add($"{label} {ex.Message}");
            return new GroupLink(group, null, false, false);
        }
    }

    private async Task<IReadOnlyList<GraphTeam>> TeamsNamedAsync(SchoolGroup group, CancellationToken ct)
    {
        var named = await graph.TeamsNamedAsync(group.NameTh, ct);
        return named.Count == 0 && group.NameEn is { } english ? await graph.TeamsNamedAsync(english, ct) : named;
    }

    private static bool NamedLike(SchoolGroup group, string name) =>
        string.Equals(name.Trim(), group.NameTh, StringComparison.OrdinalIgnoreCase)
        || (group.NameEn is { } english && string.Equals(name.Trim(), english, StringComparison.OrdinalIgnoreCase));

    private async Task CollectMembersAsync(SchoolGroup group, string teamId, Dictionary<string, string> memberIds, List<string> problems, CancellationToken ct)
    {
        try
        {
            foreach (var member in await graph.TeamMembersAsync(teamId, ct))
            {
                if (member.Email is { Length: > 0 } email)
                {
                    memberIds.TryAdd(email, member.UserId);
                }
            }
        }
        catch (GraphFailedException ex)
        {
            problems.Add($"{GroupLabel(group)} {ex.Message}");
        }
    }
}
