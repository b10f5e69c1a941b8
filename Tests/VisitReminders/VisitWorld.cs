using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Scheduling;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Visits;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.VisitReminders;

/// <summary>
/// The real schedule and visit store on Azurite with a manual clock, a small directory, and an
/// outbox that records what it was handed: what the reminder tests observe.
/// </summary>
internal sealed class VisitWorld
{
    /// <summary>Friday 4 December 2026, 00:00 in Bangkok, the day of the first week-ahead reminders.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 17, 0, 0, TimeSpan.Zero);

    public const string Supervisor = "sn.wilai@sesao1.go.th";
    public const string SupervisorId = "aad-supervisor";
    public const string Director = "director@school-a.example.ac.th";
    public const string DirectorId = "aad-director";
    public const string Contact = "contact@school-a.example.ac.th";
    public const string ContactId = "aad-contact";
    public const string Teacher1 = "t1@school-a.example.ac.th";
    public const string Teacher2 = "t2@school-a.example.ac.th";
    public const string NoAccountTeacher = "t3@school-a.example.ac.th";
    public const string SchoolCode = "S0001";

    private VisitWorld(SupervisionTables tables, VisitRemindersSettings settings, OfficeDirectory directory)
    {
        Tables = tables;
        Settings = settings;
        Directory = new FixedDirectory(directory);
        Visits = new TableVisitStore(tables);
        Schedule = new TableJobSchedule(tables, Clock);
        Reminders = new Dialogs.Visits.VisitReminders(Schedule, Calendar, settings);
    }

    public ManualTimeProvider Clock { get; } = new(Start);
    public SupervisionTables Tables { get; }
    public VisitRemindersSettings Settings { get; }
    public FixedDirectory Directory { get; }
    public TableVisitStore Visits { get; }
    public TableJobSchedule Schedule { get; }
    public Dialogs.Visits.VisitReminders Reminders { get; }
    public RecordingOutbox Outbox { get; } = new();
    public Preferences Languages { get; } = new();
    public static SchoolCalendar Calendar { get; } = SchoolCalendarLoader.Load([]);
    public static FormCatalogue Catalogue { get; } = FormCatalogue.LoadBuiltIn();

    public static async Task<VisitWorld> CreateAsync(string name, VisitRemindersSettings? settings = null, bool contactHasAccount = true)
    {
        var azurite = await Azurite.GetAsync();
        var tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(name));
        await tables.EnsureCreatedAsync(CancellationToken.None);
        return new VisitWorld(tables, settings ?? VisitRemindersSettings.Default, NewDirectory(contactHasAccount));
    }

    public static OfficeDirectory NewDirectory(bool contactHasAccount = true) => new(
        [new SchoolGroup(1, "กลุ่มโรงเรียนที่ 1", "School group 1", null, null, null, null)],
        [new School(SchoolCode, "โรงเรียนสาธิตทดลอง", "Demonstration School", 1, Director, Contact, NeedsHelp: false)],
        [],
        [
            Person(Supervisor, "วิไลวรรณ ศรีสุข", SupervisorId, RespondentRole.Supervisor),
            Person(Director, "ประเสริฐ วงศ์ไทย", DirectorId, RespondentRole.Director, SchoolCode),
            Person(Contact, "มาลี รักเรียน", contactHasAccount ? ContactId : null, RespondentRole.Teacher, SchoolCode),
            Person(Teacher1, "สมศรี ใจดี", "aad-t1", RespondentRole.Teacher, SchoolCode),
            Person(Teacher2, "Adele Vance", "aad-t2", RespondentRole.Teacher, SchoolCode),
            Person(NoAccountTeacher, "ครูไม่มีบัญชี", null, RespondentRole.Teacher, SchoolCode),
        ]);

    private static Person Person(string email, string name, string? aad, RespondentRole role, string? school = null) =>
        new(email, name, aad, new HashSet<RespondentRole> { role }, school, role == RespondentRole.Supervisor ? [1] : [], []);

    /// <summary>Friday 11 December 2026, 09:00–12:00 in Bangkok: the day after Constitution Day.</summary>
    public static Visit NewVisit(string id, DateTimeOffset? startUtc = null, string checklist = "iqa-follow-up")
    {
        var start = startUtc ?? new DateTimeOffset(2026, 12, 11, 2, 0, 0, TimeSpan.Zero);
        return new Visit
        {
            Id = id,
            SchoolCode = SchoolCode,
            StartUtc = start,
            EndUtc = start.AddHours(3),
            SupervisorEmail = Supervisor,
            ChecklistFormId = checklist,
            Purpose = "ติดตามการประกันคุณภาพภายใน",
            Mode = VisitMode.Onsite,
            TeacherEmails = [Teacher1, Teacher2, NoAccountTeacher],
        };
    }

    public async Task<Visit> ScheduleAsync(Visit visit)
    {
        await Visits.AddAsync([visit], CancellationToken.None);
        await Reminders.PlanAsync(visit, CancellationToken.None);
        return visit;
    }

    /// <summary>A bot instance's scheduler: its own runner and schedule over the shared tables.</summary>
    public JobRunner NewInstance(IOutbox? outbox = null) => new(Tables, new TableJobSchedule(Tables, Clock),
        [
            new VisitReminderHandler(Visits, Directory, Languages, outbox ?? Outbox, Catalogue, Calendar, Settings, NullLogger<VisitReminderHandler>.Instance),
            new VisitMissedHandler(Visits),
        ],
        Options.Create(new SchedulerOptions()), NullLogger<JobRunner>.Instance);

    public Task<int> RunAsync(JobRunner? instance = null) => (instance ?? NewInstance()).RunDueAsync(Clock.GetUtcNow(), CancellationToken.None);

    public async Task<JobState?> ReminderStateAsync(string visitId, string offset) =>
        (await Schedule.GetStatusAsync(Dialogs.Visits.VisitReminders.ReminderKind, Dialogs.Visits.VisitReminders.ReminderId(visitId, ReminderOffset.Parse(offset)), CancellationToken.None))?.State;

    public async Task<VisitStatus> StatusAsync(string visitId) => (await Visits.GetAsync(visitId, CancellationToken.None))!.Visit.Status;

    public Dialogs.Visits.VisitCompletion NewCompletion() => new(Visits, Directory, Languages, Outbox, Catalogue);
}

internal sealed class FixedDirectory(OfficeDirectory directory) : IOfficeDirectorySource
{
    public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
}

internal sealed class Preferences : IUserPreferences
{
    private readonly ConcurrentDictionary<string, Language> _chosen = new();

    public Task<Language?> GetLanguageAsync(string userKey, CancellationToken cancellationToken) =>
        Task.FromResult(_chosen.TryGetValue(userKey, out var l) ? l : (Language?)null);

    public Task SetLanguageAsync(string userKey, Language language, CancellationToken cancellationToken)
    {
        _chosen[userKey] = language;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Keeps what it was handed, and like the real outbox queues a (purpose, recipient, key) only once,
/// so a test sees both how often a handler handed a message on and how many distinct ones went out.
/// </summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentDictionary<(string, string, string), OutboxMessage> _queued = new();
    private readonly ConcurrentQueue<OutboxMessage> _handed = new();

    /// <summary>Thrown after the messages were queued, once: a process dying before the job is marked done.</summary>
    public int FailAfterQueueing { get; set; }

    public IReadOnlyCollection<OutboxMessage> Queued => [.. _queued.Values];

    public IReadOnlyCollection<OutboxMessage> Handed => [.. _handed];

    public Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var message in messages)
        {
            _handed.Enqueue(message);
            if (_queued.TryAdd((message.Purpose, message.Recipient, message.MessageKey), message))
            {
                added++;
            }
        }
        if (FailAfterQueueing > 0)
        {
            FailAfterQueueing--;
            throw new IOException("the process stopped before the job was marked done");
        }
        return Task.FromResult(added);
    }

    public Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken) =>
        Task.FromResult(new OutboxCounts(purpose, _queued.Values.Count(m => m.Purpose == purpose), 0, 0));

    public Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UndeliveredMessage>>([]);

    public Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken) => Task.FromResult(0);

    public IReadOnlyList<OutboxMessage> To(string recipient) => [.. _queued.Values.Where(m => m.Recipient == recipient).OrderBy(m => m.MessageKey, StringComparer.Ordinal)];
}
