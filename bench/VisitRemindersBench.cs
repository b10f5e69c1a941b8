using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Scheduling;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Visits;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- visit-reminders [visits] [small] [large]</c>: the visit
/// scheduler on Azurite with the bot's own store, schedule, runner and reminder handler, on a clock the
/// harness moves a poll interval at a time. Part 1: 2,000 visits whose 3 reminders fall in one hour,
/// run by two instances at once: each reminder's lateness (the pass's wall time added to the
/// simulated moment it ran) and whether any was handed on twice. Part 2: the cost of a pass that finds
/// nothing due, with 1,000 and then 100,000 visits planned in the weeks ahead, in one run.
/// </summary>
internal static class VisitRemindersBench
{
    public const string Command = "visit-reminders";
    private static readonly TimeSpan Poll = new SchedulerOptions().PollInterval;
    private static readonly DateTimeOffset T0 = new(2026, 12, 14, 2, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var visits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var small = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var large = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        using var azurite = await Azurite.StartAsync(Bench.RepoRoot(), cancellationToken);
        await SameHourAsync(azurite.ConnectionString, visits, cancellationToken);
        var idleSmall = await IdlePassAsync(azurite.ConnectionString, small, cancellationToken);
        var idleLarge = await IdlePassAsync(azurite.ConnectionString, large, cancellationToken);
        Console.WriteLine($"idle pass: {idleSmall:F1} ms with {small:N0} future visits, {idleLarge:F1} ms with {large:N0} (ratio {idleLarge / idleSmall:F2})");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    private static async Task SameHourAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var world = await World.CreateAsync(connectionString, ["00:55:00", "00:30:00", "00:05:00"], cancellationToken);
        // Visits start through the hour after T0 + 1 h, so every reminder falls between T0 + 5 min and T0 + 2 h.
        var planned = Enumerable.Range(0, count).Select(i => World.NewVisit($"v{i:D6}", T0.AddHours(1).AddSeconds(i * 3600.0 / count))).ToList();
        var clock = Stopwatch.StartNew();
        await world.Visits.AddAsync(planned, cancellationToken);
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (v, ct) => await world.Reminders.PlanAsync(v, ct));
        Console.WriteLine($"planned {count:N0} visits ({count * 4:N0} jobs) in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var visit in planned)
        {
            foreach (var offset in world.Settings.Offsets)
            {
                TimingOutbox.Due[VisitReminders.ReminderId(visit.Id, offset)] = offset.DueFor(visit.StartUtc, World.Calendar);
            }
        }

        var first = world.NewInstance();
        var second = world.NewInstance();
        var worstPass = TimeSpan.Zero;
        for (var now = T0; now <= T0.AddHours(2).AddMinutes(1); now += Poll)
        {
            world.Clock.Set(now);
            var pass = Stopwatch.StartNew();
            await Task.WhenAll(first.RunDueAsync(now, cancellationToken), second.RunDueAsync(now, cancellationToken));
            worstPass = pass.Elapsed > worstPass ? pass.Elapsed : worstPass;
            world.Outbox.Stamp(pass.Elapsed);
        }
        var expected = count * 3 * 3;
        var late = world.Outbox.Lateness.Max();
        Console.WriteLine($"| reminders due | handed on | handed twice | max lateness (s) | p95 lateness (s) | worst pass (s) |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        var sorted = world.Outbox.Lateness.Order().ToArray();
        Console.WriteLine($"| {count * 3:N0} ({expected:N0} messages) | {world.Outbox.Distinct:N0} | {world.Outbox.Twice:N0} | {late.TotalSeconds:F1} | {sorted[(int)(sorted.Length * 0.95)].TotalSeconds:F1} | {worstPass.TotalSeconds:F1} |");
    }

    /// <summary>Milliseconds of a pass with nothing due (median of 20) after <paramref name="count"/> visits were planned in the coming weeks.</summary>
    private static async Task<double> IdlePassAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var world = await World.CreateAsync(connectionString, ["7.00:00:00@08:00"], cancellationToken);
        var planned = Enumerable.Range(0, count).Select(i => World.NewVisit($"f{i:D6}", T0.AddDays(14).AddMinutes(i % 20_000))).ToList();
        var clock = Stopwatch.StartNew();
        await world.Visits.AddAsync(planned, cancellationToken);
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (v, ct) => await world.Reminders.PlanAsync(v, ct));
        Console.WriteLine($"planned {count:N0} future visits in {clock.Elapsed.TotalSeconds:F1} s");
        var runner = world.NewInstance();
        await runner.RunDueAsync(T0, cancellationToken);
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var pass = Stopwatch.StartNew();
            await runner.RunDueAsync(T0.AddSeconds(i), cancellationToken);
            times.Add(pass.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    private sealed class World
    {
        public required SupervisionTables Tables { get; init; }
        public required TableVisitStore Visits { get; init; }
        public required VisitReminders Reminders { get; init; }
        public required VisitRemindersSettings Settings { get; init; }
        public required OfficeDirectory Directory { get; init; }
        public required BenchClock Clock { get; init; }
        public TimingOutbox Outbox { get; } = new();

        public static readonly SchoolCalendar Calendar = SchoolCalendarLoader.Load([]);
        private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

        public static async Task<World> CreateAsync(string connectionString, string[] offsets, CancellationToken cancellationToken)
        {
            var tables = new SupervisionTables(
                Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = "vr" + Guid.NewGuid().ToString("N")[..6] }),
                new HostingEnvironment { EnvironmentName = "Production" });
            await tables.EnsureCreatedAsync(cancellationToken);
            var settings = new VisitRemindersSettings(offsets);
            var clock = new BenchClock();
            return new World
            {
                Clock = clock,
                Tables = tables,
                Visits = new TableVisitStore(tables),
                Settings = settings,
                Reminders = new VisitReminders(new TableJobSchedule(tables, clock), Calendar, settings),
                Directory = new OfficeDirectory(
                    [new SchoolGroup(1, "กลุ่มโรงเรียนที่ 1", null, null, null, null, null)],
                    [new School("S0001", "โรงเรียนทดสอบ", null, 1, "d@s.example.ac.th", "c@s.example.ac.th", false)],
                    [],
                    [
                        new Person("sn@sesao1.go.th", "ศึกษานิเทศก์", Guid.NewGuid().ToString(), new HashSet<RespondentRole> { RespondentRole.Supervisor }, null, [1], []),
                        new Person("d@s.example.ac.th", "ผู้อำนวยการ", Guid.NewGuid().ToString(), new HashSet<RespondentRole> { RespondentRole.Director }, "S0001", [], []),
                        new Person("c@s.example.ac.th", "ผู้ประสานงาน", Guid.NewGuid().ToString(), new HashSet<RespondentRole> { RespondentRole.Teacher }, "S0001", [], []),
                    ]),
            };
        }

        public static Visit NewVisit(string id, DateTimeOffset start) => new()
        {
            Id = id,
            SchoolCode = "S0001",
            StartUtc = start,
            EndUtc = start.AddHours(2),
            SupervisorEmail = "sn@sesao1.go.th",
            ChecklistFormId = "iqa-follow-up",
        };

        public JobRunner NewInstance() => new(Tables, new TableJobSchedule(Tables, Clock),
            [new VisitReminderHandler(Visits, new Fixed(Directory), new NoPreferences(), Outbox.For(Clock), Catalogue, Calendar, Settings, NullLogger<VisitReminderHandler>.Instance)],
            Options.Create(new SchedulerOptions()), NullLogger<JobRunner>.Instance);
    }

    private sealed class BenchClock : TimeProvider
    {
        private DateTimeOffset _now = T0;

        public void Set(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>
    /// Counts what is handed on and how late: the simulated moment of the pass minus the reminder's due
    /// time, plus the wall time the pass took (added when the pass ends, so it is an upper bound).
    /// </summary>
    private sealed class TimingOutbox
    {
        private readonly ConcurrentDictionary<(string, string), int> _handed = new();
        private readonly ConcurrentBag<TimeSpan> _pending = [];
        private readonly List<TimeSpan> _lateness = [];

        public IReadOnlyList<TimeSpan> Lateness => _lateness;
        public int Distinct => _handed.Count;
        public int Twice => _handed.Values.Count(n => n > 1);

        public IOutbox For(BenchClock clock) => new Recorder(this, clock);

        public void Stamp(TimeSpan pass)
        {
            while (_pending.TryTake(out var simulated))
            {
                _lateness.Add(simulated + pass);
            }
        }

        private sealed class Recorder(TimingOutbox owner, BenchClock clock) : IOutbox
        {
            public Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
            {
                foreach (var message in messages)
                {
                    owner._handed.AddOrUpdate((message.Recipient, message.MessageKey), 1, (_, n) => n + 1);
                }
                if (messages.FirstOrDefault() is { } one)
                {
                    owner._pending.Add(clock.GetUtcNow() - DueOf(one.MessageKey));
                }
                return Task.FromResult(messages.Count);
            }

            public Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();
        }

        private static DateTimeOffset DueOf(string messageKey) => Due[messageKey];

        public static ConcurrentDictionary<string, DateTimeOffset> Due { get; } = new();
    }

    private sealed class Fixed(OfficeDirectory directory) : IOfficeDirectorySource
    {
        public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
    }

    private sealed class NoPreferences : IUserPreferences
    {
        public Task<Cards.Language?> GetLanguageAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult<Cards.Language?>(null);

        public Task SetLanguageAsync(string userKey, Cards.Language language, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
