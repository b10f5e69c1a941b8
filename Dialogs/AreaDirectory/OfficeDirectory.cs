using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// One imported version of who is who in the area office: immutable, so a turn that holds it never
/// sees half an import. Every lookup a turn makes is a dictionary read.
/// </summary>
public sealed class OfficeDirectory
{
    private readonly Dictionary<int, SchoolGroup> _groups;
    private readonly Dictionary<string, School> _schools;
    private readonly Dictionary<string, Centre> _centres;
    private readonly Dictionary<string, Person> _peopleByEmail;
    private readonly Dictionary<string, Person> _peopleByAadObjectId;

    public static OfficeDirectory Empty { get; } = new([], [], [], []);

    /// <summary>Callers pass rows already checked by <see cref="DirectoryImport"/>: keys are unique.</summary>
    public OfficeDirectory(IEnumerable<SchoolGroup> groups, IEnumerable<School> schools, IEnumerable<Centre> centres, IEnumerable<Person> people)
    {
        // One canonical order, so an export is the same file every time and an unchanged import is recognised.
        Groups = groups.OrderBy(g => g.Number).ToArray();
        Schools = schools.OrderBy(s => s.Code, StringComparer.Ordinal).ToArray();
        Centres = centres.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        People = people.OrderBy(p => p.Email, StringComparer.Ordinal).ToArray();
        _groups = Groups.ToDictionary(g => g.Number);
        _schools = Schools.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        _centres = Centres.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _peopleByEmail = People.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        _peopleByAadObjectId = People.Where(p => p.AadObjectId is not null).ToDictionary(p => p.AadObjectId!, StringComparer.OrdinalIgnoreCase);
        Assignments = People.Where(p => p.Holds(RespondentRole.Supervisor))
            .Select(p => new SupervisorAssignment(p.Email, p.GroupNumbers, p.LearningAreas))
            .ToArray();
    }

    public IReadOnlyList<SchoolGroup> Groups { get; }
    public IReadOnlyList<School> Schools { get; }
    public IReadOnlyList<Centre> Centres { get; }
    public IReadOnlyList<Person> People { get; }
    public IReadOnlyList<SupervisorAssignment> Assignments { get; }

    public bool IsEmpty => Groups.Count == 0 && Schools.Count == 0 && Centres.Count == 0 && People.Count == 0;

    public SchoolGroup? Group(int number) => _groups.GetValueOrDefault(number);

    public School? School(string code) => _schools.GetValueOrDefault(code);

    public Centre? Centre(string code) => _centres.GetValueOrDefault(code);

    public Person? PersonByEmail(string email) => _peopleByEmail.GetValueOrDefault(email);

    public Person? PersonByAadObjectId(string aadObjectId) => _peopleByAadObjectId.GetValueOrDefault(aadObjectId);

    public static SupervisorAssignment? AssignmentOf(Person person) =>
        person.Holds(RespondentRole.Supervisor) ? new SupervisorAssignment(person.Email, person.GroupNumbers, person.LearningAreas) : null;
}
