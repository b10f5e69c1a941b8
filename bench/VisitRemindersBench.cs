using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
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
using SupervisionBot.Tests.Support;

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
        var smallWorld = await PlantAsync(azurite.ConnectionString, small, cancellationToken);
        var largeWorld = await PlantAsync(azurite.ConnectionString, large, cancellationToken);
        var (idleSmall, idleLarge) = await IdlePassesAsync(smallWorld, largeWorld, cancellationToken);
        Console.WriteLine("| future visits planned | idle pass (median of 40) | storage calls per pass |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| {small:N0} | {idleSmall.Median:F2} ms | {idleSmall.Calls} |");
        Console.WriteLine($"| {large:N0} | {idleLarge.Median:F2} ms (ratio {idleLarge.Median / idleSmall.Median:F2}) | {idleLarge.Calls} |");
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

    private sealed record IdlePass(double Median, string Calls);

    /// <summary><paramref name="count"/> visits planned in the coming weeks by the bot's own reminder planning.</summary>
    private static async Task<World> PlantAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var world = await World.CreateAsync(connectionString, ["7.00:00:00@08:00"], cancellationToken);
        var clock = Stopwatch.StartNew();
        var planned = new PlannedJobs();
        var planning = new VisitReminders(planned, World.Calendar, world.Settings);
        foreach (var i in Enumerable.Range(0, count))
        {
            await planning.PlanAsync(World.NewVisit($"f{i:D6}", T0.AddDays(14).AddMinutes(i % 20_000)), cancellationToken);
        }
        await planned.FileAsync(world.Tables, T0, cancellationToken);
        Console.WriteLine($"planned {count:N0} future visits ({planned.Count:N0} jobs) in {clock.Elapsed.TotalSeconds:F1} s");
        return world;
    }

    /// <summary>
    /// Passes with nothing due in both worlds, taken in turn so that whatever else the machine is doing
    /// falls on both alike: the median milliseconds of 40 each, and the storage calls of a pass.
    /// </summary>
    private static async Task<(IdlePass Small, IdlePass Large)> IdlePassesAsync(World small, World large, CancellationToken cancellationToken)
    {
        var runners = new[] { small.NewInstance(), large.NewInstance() };
        var times = new[] { new List<double>(), new List<double>() };
        var calls = new[] { new HashSet<string>(), new HashSet<string>() };
        foreach (var runner in runners)
        {
            await runner.RunDueAsync(T0, cancellationToken);
        }
        for (var i = 0; i < 40; i++)
        {
            for (var w = 0; w < 2; w++)
            {
                using var counted = StorageCalls.Count();
                var pass = Stopwatch.StartNew();
                await runners[w].RunDueAsync(T0.AddSeconds(i), cancellationToken);
                times[w].Add(pass.Elapsed.TotalMilliseconds);
                calls[w].Add(string.Join(", ", counted.All.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")));
            }
        }
        return (Summary(0), Summary(1));

        IdlePass Summary(int w) => calls[w].Count == 1
            ? new IdlePass(times[w].Order().ElementAt(times[w].Count / 2), calls[w].Single())
            : throw new HarnessException($"idle passes made different calls: {string.Join(" / ", calls[w])}");
    }

    /// <summary>
    /// The jobs the bot's reminder planning asks for, filed with the schedule's own rows but in batches of
    /// 100 a partition: filing them one job at a time, as the bot does, takes Azurite about half an hour
    /// for 100,000 visits. The visits' own rows are left out; no pass reads the Visits table.
    /// </summary>
    private sealed class PlannedJobs : IJobSchedule
    {
        private readonly List<ScheduledJob> _jobs = [];

        public int Count => _jobs.Count;

        public Task ScheduleAsync(ScheduledJob job, CancellationToken cancellationToken)
        {
            _jobs.Add(job);
            return Task.CompletedTask;
        }

        public Task<bool> CancelAsync(string kind, string id, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<JobStatus?> GetStatusAsync(string kind, string id, CancellationToken cancellationToken) => Task.FromResult<JobStatus?>(null);

        public async Task FileAsync(SupervisionTables tables, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var rows = _jobs.Select(job => TableJobSchedule.Rows(job, now)).ToList();
            await SubmitAsync(tables.Schedule, rows.Select(r => r.Due), cancellationToken);
            // One merge an hour with every minute filed in it: what each job's own merge adds up to.
            foreach (var hour in rows.GroupBy(r => r.Mark.PartitionKey))
            {
                var mark = new TableEntity(hour.Key, hour.First().Mark.RowKey);
                foreach (var minute in hour.SelectMany(r => r.Mark).Where(p => p.Key is not (nameof(TableEntity.PartitionKey) or nameof(TableEntity.RowKey))))
                {
                    mark[minute.Key] = minute.Value;
                }
                await tables.Schedule.UpsertEntityAsync(mark, TableUpdateMode.Merge, cancellationToken);
            }
            await SubmitAsync(tables.ScheduledJobs, rows.Select(r => r.Record), cancellationToken);
        }

        private static Task SubmitAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken) =>
            Parallel.ForEachAsync(TableBatches.Split(rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
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
