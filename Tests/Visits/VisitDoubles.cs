using System.Collections.Concurrent;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.AreaDirectory;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Visits;

/// <summary>Visits in memory with ETags, for tests of the rules above the store (the table store has its own Azurite tests).</summary>
public sealed class InMemoryVisitStore : IVisitStore
{
    private readonly ConcurrentDictionary<string, StoredVisit> _visits = new(StringComparer.Ordinal);
    private int _version;

    public IReadOnlyCollection<Visit> All => _visits.Values.Select(v => v.Visit).OrderBy(v => v.StartUtc).ToList();

    public Task<StoredVisit?> GetAsync(string visitId, CancellationToken cancellationToken) =>
        Task.FromResult(_visits.GetValueOrDefault(visitId));

    public Task AddAsync(IReadOnlyCollection<Visit> visits, CancellationToken cancellationToken)
    {
        foreach (var visit in visits)
        {
            _visits.TryAdd(visit.Id, new StoredVisit(visit, NextETag()));
        }
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Visit visit, string etag, CancellationToken cancellationToken)
    {
        var updated = _visits.TryGetValue(visit.Id, out var current) && current.ETag == etag
            && _visits.TryUpdate(visit.Id, new StoredVisit(visit, NextETag()), current);
        return Task.FromResult(updated);
    }

    public Task<IReadOnlyList<Visit>> BySupervisorAsync(string supervisorEmail, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Visit>>(Between(v => string.Equals(v.SupervisorEmail, supervisorEmail, StringComparison.OrdinalIgnoreCase), fromUtc, toUtc));

    public Task<IReadOnlyList<Visit>> BySchoolAsync(string schoolCode, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Visit>>(Between(v => string.Equals(v.SchoolCode, schoolCode, StringComparison.OrdinalIgnoreCase), fromUtc, toUtc));

    private List<Visit> Between(Func<Visit, bool> whose, DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        All.Where(v => whose(v) && v.StartUtc >= fromUtc && v.StartUtc < toUtc).OrderBy(v => v.StartUtc).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();

    private string NextETag() => "e" + Interlocked.Increment(ref _version);
}

/// <summary>Records what the planner asked of the reminders; the real ones live in the reminders' own branch.</summary>
public sealed class RecordingReminders : IVisitReminders
{
    public ConcurrentQueue<string> Planned { get; } = new();
    public ConcurrentQueue<string> Dropped { get; } = new();

    public Task PlanAsync(Visit visit, CancellationToken cancellationToken)
    {
        Planned.Enqueue(visit.Id);
        return Task.CompletedTask;
    }

    public Task DropAsync(Visit visit, CancellationToken cancellationToken)
    {
        Dropped.Enqueue(visit.Id);
        return Task.CompletedTask;
    }
}

public sealed class FixedDirectorySource(OfficeDirectory directory) : IOfficeDirectorySource
{
    public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
}

/// <summary>The example directory, the built-in calendar and a clock on Friday 20 November 2026, 10:00 in Bangkok.</summary>
public sealed class VisitWorld
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    public static readonly SchoolCalendar Calendar = SchoolCalendarLoader.Load([]);
    public static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    public const string Supervisor = "niramon.s@area.example.go.th";
    public const string OtherSupervisor = "thongchai.n@area.example.go.th";
    public const string Teacher = "wipa.t@school-a.example.ac.th";
    public const string OtherTeacher = "anan.p@school-a.example.ac.th";

    public ManualTimeProvider Time { get; } = new(Now);
    public InMemoryVisitStore Store { get; } = new();
    public RecordingReminders Reminders { get; } = new();
    public OfficeDirectory Directory { get; } = DirectoryExamples.Load();

    public VisitRules Rules => new(Catalogue, Calendar, Time);

    public VisitPlanner Planner => new(Store, Reminders, new FixedDirectorySource(Directory), Rules);

    public static VisitActor As(string email, params RespondentRole[] roles) => new(email, roles.ToHashSet());

    public static VisitActor SupervisorActor => As(Supervisor, RespondentRole.Supervisor);

    /// <summary>Tuesday 24 November 2026, 09:00–11:00 at โรงเรียนริมน้ำวิทยา.</summary>
    public static VisitRequest Request(DateOnly? date = null, string start = "09:00", string end = "11:00", string supervisor = Supervisor) =>
        new("S0001", date ?? new DateOnly(2026, 11, 24), TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            supervisor, "active-learning-observation", "นิเทศการจัดการเรียนรู้เชิงรุก", VisitMode.Onsite, [Teacher]);
}
