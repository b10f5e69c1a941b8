using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Dialogs.Reachability;

/// <summary>Whether the bot can write to a person in chat, and when not, why (the first reason that applies).</summary>
public enum Reach
{
    Reachable,

    /// <summary>No AAD object id in the directory: not found in Entra ID (yet), so Teams cannot be asked about them.</summary>
    NotInEntra,

    /// <summary>Known to Entra, but the bot has no personal chat with them: the app is not installed for them.</summary>
    AppNotInstalled,

    /// <summary>They blocked or removed the bot: the outbox's last message to them was refused.</summary>
    Blocked,
}

public sealed record PersonReach(Person Person, Reach Reach);

/// <summary>The people of one school (its staff in people.csv, its director and contact) and whether each can be reached.</summary>
public sealed record SchoolReachability(School School, IReadOnlyList<PersonReach> People)
{
    public int Count(Reach reach) => People.Count(p => p.Reach == reach);

    public int Unreachable => People.Count(p => p.Reach != Reach.Reachable);
}

/// <summary>Works out who at a school can be reached in chat, from the directory and the host's view of personal chats.</summary>
public sealed class ReachabilityCheck(IPersonalChatStates chats)
{
    public async Task<IReadOnlyList<SchoolReachability>> CheckAsync(OfficeDirectory directory, IReadOnlyList<School> schools, CancellationToken cancellationToken)
    {
        var staff = directory.People.Where(p => p.SchoolCode is not null).ToLookup(p => p.SchoolCode!, StringComparer.OrdinalIgnoreCase);
        var peopleBySchool = schools.ToDictionary(s => s.Code, s => PeopleOf(directory, staff, s), StringComparer.OrdinalIgnoreCase);
        var ids = peopleBySchool.Values.SelectMany(p => p).Select(p => p.AadObjectId).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var states = ids.Length == 0 ? new Dictionary<string, ChatState>() : await chats.StatesAsync(ids, cancellationToken);
        return schools
            .Select(school => new SchoolReachability(school, peopleBySchool[school.Code]
                .Select(person => new PersonReach(person, ReachOf(person, states)))
                .ToArray()))
            .ToArray();
    }

    private static Reach ReachOf(Person person, IReadOnlyDictionary<string, ChatState> states) =>
        person.AadObjectId is not { } id ? Reach.NotInEntra
        : states.GetValueOrDefault(id) switch
        {
            ChatState.Blocked => Reach.Blocked,
            ChatState.Open => Reach.Reachable,
            _ => Reach.AppNotInstalled,
        };

    /// <summary>Staff whose school it is, and its director and contact person wherever their own row puts them.</summary>
    private static Person[] PeopleOf(OfficeDirectory directory, ILookup<string, Person> staff, School school)
    {
        var named = new[] { school.DirectorEmail, school.ContactEmail }.OfType<string>().Select(directory.PersonByEmail).OfType<Person>();
        return staff[school.Code]
            .Concat(named)
            .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .ToArray();
    }
}
