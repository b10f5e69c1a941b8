using System.Runtime.InteropServices;
using System.Text.Json;
using SupervisionBot.Bench;

if (args is [DirectoryBench.Command])
{
    using var directoryStop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    return await DirectoryBench.RunAsync(directoryStop.Token);
}

if (args is [SummaryBench.Command])
{
    using var summaryStop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    return await SummaryBench.RunAsync(summaryStop.Token);
}

if (args is [VisitRemindersBench.Command, .. var visitArgs])
{
    using var visitStop = new CancellationTokenSource(TimeSpan.FromMinutes(60));
    return await VisitRemindersBench.RunAsync(visitArgs, visitStop.Token);
}

if (args is [OutboxBench.Command, .. var outboxArgs])
{
    using var outboxStop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        outboxStop.Cancel();
    };
    try
    {
        return await OutboxBench.RunAsync(outboxArgs, outboxStop.Token);
    }
    catch (HarnessException ex)
    {
        Console.Error.WriteLine("Benchmark failed: " + ex.Message);
        return 1;
    }
}

var options = BenchOptions.Parse(args, out var usageError);
if (options is null)
{
    if (usageError is null)
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource(options.Timeout);
var interrupted = false;
Console.CancelKeyPress += (_, e) =>
{
    // Let the finally blocks below kill Azurite and the bot instead of dying with them still running.
    e.Cancel = true;
    interrupted = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupted = true;
    stop.Cancel();
});

try
{
    var result = await Bench.RunAsync(options, stop.Token);
    Console.WriteLine();
    Console.WriteLine(result.Table);
    Console.WriteLine($"result written to {result.JsonPath}");
    if (result.Failures.Count == 0)
    {
        return 0;
    }
    Console.Error.WriteLine("The harness could not measure reliably:");
    result.Failures.ForEach(f => Console.Error.WriteLine("  " + f));
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine(interrupted ? "Interrupted; child processes stopped." : $"Gave up after {options.Timeout.TotalSeconds:F0} s (--timeout).");
    return 1;
}
catch (HarnessException ex)
{
    Console.Error.WriteLine("Benchmark failed: " + ex.Message);
    return 1;
}

namespace SupervisionBot.Bench
{
    internal sealed record BenchOutcome(string Table, string JsonPath, List<string> Failures);

    /// <summary>Runs a prepared round's measured turns.</summary>
    internal delegate Task<Measurement> RunTurns(int turns, CancellationToken cancellationToken);

    /// <summary>Sets up a round's chats (not measured) and returns its measured part.</summary>
    internal delegate Task<RunTurns> PrepareRound(string phase, CancellationToken cancellationToken);

    /// <summary>A kind of turn, measured against its own storage floor in the same rounds.</summary>
    internal sealed record Workload(string Name, string Turn, string BaselineTurn, PrepareRound Bot, PrepareRound Baseline);

    internal static class Bench
    {
        public static async Task<BenchOutcome> RunAsync(BenchOptions options, CancellationToken cancellationToken)
        {
            var time = TimeProvider.System;
            var startedAt = time.GetUtcNow();
            var loadBefore = LoadAverage();
            var root = RepoRoot();
            var runId = Guid.NewGuid().ToString("N")[..8];
            var appId = Guid.NewGuid().ToString();
            var tenantId = Guid.NewGuid().ToString();
            var appPassword = "bench-" + Guid.NewGuid().ToString("N");
            var botId = "28:" + appId;

            if (options.Build)
            {
                Console.WriteLine("Building the bot (Release)…");
                await BotProcess.BuildAsync(root, cancellationToken);
            }

            Console.WriteLine("Starting Azurite, the local identity server and the connector stub…");
            using var azurite = await Azurite.StartAsync(root, cancellationToken);
            await using var identity = await LocalIdentity.StartAsync(appId, appPassword, time, cancellationToken);
            await using var connector = await ConnectorStub.StartAsync(identity.ConnectorAccessToken, cancellationToken);
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };

            Console.WriteLine("Starting the bot…");
            using var bot = await BotProcess.StartAsync(root, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = appId,
                ["MicrosoftAppPassword"] = appPassword,
                ["MicrosoftAppTenantId"] = tenantId,
                ["BotAuth__OpenIdMetadataUrl"] = identity.MetadataUrl,
                ["BotAuth__TokenAuthority"] = identity.BaseUrl,
                // The stub is plain http on loopback, which the allow-list accepts only when named explicitly.
                ["Connector__AllowedServiceHosts__0"] = connector.BaseUrl,
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__TablePrefix"] = $"bench{runId}bot",
                // The per-turn Information line would make the benchmark measure console logging.
                ["Logging__LogLevel__Default"] = "Warning",
                // The card workload fills the satisfaction form, which teachers may fill.
                ["Roles__Default__0"] = "Teacher",
            }, http, cancellationToken);
            var idleRss = bot.ReadMemoryMiB().Rss;
            Console.WriteLine($"Bot ready after {bot.Ready.TotalMilliseconds:F0} ms.");

            // The bot validates every token in full (no cache), so one token costs the bot as much as one per chat.
            var token = identity.MintInboundToken(connector.BaseUrl, options.Timeout + TimeSpan.FromMinutes(10));
            var load = new BotLoad(http, bot.MessagesUri, connector.BaseUrl, tenantId, botId, token, time);
            var cards = new CardLoad(load, connector);
            var baseline = await StorageBaseline.CreateAsync(azurite.ConnectionString, $"bench{runId}base", connector.BaseUrl, tenantId, botId, time, cancellationToken);
            var n = options.Conversations;
            var failures = new List<string>();
            var workloads = new List<WorkloadResult>();
            var botTurns = 0;

            // Message phases whose every turn must have had exactly one reply at the connector.
            var messagePhases = new List<(string Phase, int Turns)>();
            if (options.Workloads.HasFlag(Workloads.Message))
            {
                workloads.Add(await MeasureAsync(new Workload(
                    "message",
                    "a typed message in a personal chat, half สวัสดี (text hint), half help (help card), reply posted to the connector",
                    "1 dedupe-row insert, + 1 form-session point read (a miss) on small talk; on a chat's first turn also 2 reference upserts, 1 preference read and the welcomed insert",
                    (phase, _) =>
                    {
                        var chats = BenchConversation.Create(phase, n);
                        return Task.FromResult<RunTurns>(async (turns, ct) =>
                        {
                            messagePhases.Add((phase, turns));
                            return await load.RunAsync(phase, chats, turns, ct);
                        });
                    },
                    (phase, _) =>
                    {
                        var chats = BenchConversation.Create(phase, n);
                        return Task.FromResult<RunTurns>((turns, ct) => baseline.RunAsync(phase, chats, turns, ct));
                    })));
            }
            if (options.Workloads.HasFlag(Workloads.Card))
            {
                workloads.Add(await MeasureAsync(new Workload(
                    "card",
                    "an Action.Execute invoke on the satisfaction form: form.next with 4 valid Likert answers (page 2 to 3), then form.back, alternating; the next card is the invoke's answer",
                    "1 point read of the form-session row + 1 ETag-conditional replace of it",
                    async (phase, ct) =>
                    {
                        var forms = await cards.OpenAsync(phase, BenchConversation.Create(phase, n), ct);
                        return (turns, ct2) => cards.RunAsync(phase, forms, turns, ct2);
                    },
                    async (phase, ct) =>
                    {
                        var chats = BenchConversation.Create(phase, n);
                        await baseline.OpenFormsAsync(chats, ct);
                        return (turns, ct2) => baseline.RunCardTurnsAsync(chats, turns, ct2);
                    })));
                if (cards.UnexpectedPosts > 0)
                {
                    failures.Add($"card: the bot posted {cards.UnexpectedPosts} messages to the connector during card turns, whose answer should be the invoke response alone");
                }
            }

            var sentIds = messagePhases.SelectMany(p => Enumerable.Range(0, p.Turns).Select(slot => BenchConversation.ActivityId(p.Phase, slot % n, slot / n)));
            var (missing, duplicated) = connector.CheckReplies(sentIds);
            if (missing > 0 || duplicated > 0)
            {
                failures.Add($"{missing} message turns got no reply at the connector and {duplicated} got more than one");
            }
            if (connector.Unauthorized > 0)
            {
                failures.Add($"the connector stub refused {connector.Unauthorized} calls without the issued token");
            }
            if (bot.Process.HasExited)
            {
                failures.Add($"the bot exited during the run (exit {bot.Process.ExitCode}):\n{bot.Process.Tail}");
            }

            var result = new BenchResult(
                startedAt,
                new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, loadBefore, LoadAverage()),
                n, options.Turns, options.Warmup, options.Rounds,
                bot.Ready.TotalMilliseconds, idleRss, workloads,
                missing, duplicated, connector.Unauthorized, identity.TokenRequests, identity.KeyRequests);

            var jsonPath = Path.GetFullPath(options.OutputPath ?? Path.Combine(root, "artifacts", "bench", "result.json"));
            Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(result, BenchJson.Default.BenchResult), cancellationToken);
            return new BenchOutcome(result.ToTable(), jsonPath, failures);

            // Warm-up, then the measured rounds of both sides in ABBA order; RSS read right after.
            async Task<WorkloadResult> MeasureAsync(Workload workload)
            {
                var ct = cancellationToken;
                var name = workload.Name;
                if (options.Warmup > 0)
                {
                    Console.WriteLine($"{name}: warming up ({options.Warmup} turns each)…");
                    Check("warm-up baseline", await (await workload.Baseline($"{name}-warmbase", ct))(options.Warmup, ct));
                    Check("warm-up bot", await (await workload.Bot($"{name}-warmbot", ct))(options.Warmup, ct));
                    botTurns += options.Warmup;
                    var quiet = await bot.WaitUntilQuietAsync(ct);
                    Console.WriteLine(quiet is { } settled
                        ? $"{name}: the bot went quiet {settled.TotalSeconds:F1} s after the warm-up."
                        : $"{name}: the bot was still busy 15 s after the warm-up; measuring anyway.");
                }

                var baselineRounds = new List<Measurement>();
                var botRounds = new List<Measurement>();
                CpuSample baselineCpu = default, botCpu = default;
                for (var round = 0; round < options.Rounds; round++)
                {
                    var turns = options.Turns / options.Rounds + (round < options.Turns % options.Rounds ? 1 : 0);
                    // Every round on new chats; opening them (a card form's first two turns) is not measured.
                    var runBaseline = await workload.Baseline($"{name}-base{round}", ct);
                    var runBot = await workload.Bot($"{name}-bot{round}", ct);
                    async Task MeasureBaselineAsync()
                    {
                        var before = CpuSample.Take(bot, azurite);
                        baselineRounds.Add(await runBaseline(turns, ct));
                        baselineCpu += CpuSample.Take(bot, azurite) - before;
                    }
                    async Task MeasureBotAsync()
                    {
                        var before = CpuSample.Take(bot, azurite);
                        botRounds.Add(await runBot(turns, ct));
                        botCpu += CpuSample.Take(bot, azurite) - before;
                    }

                    Console.WriteLine($"{name}: round {round + 1} of {options.Rounds}, {turns} turns each…");
                    // ABBA: whichever side goes second in a round goes first in the next, so a steady drift in
                    // background load does not favour one side.
                    if (round % 2 == 0)
                    {
                        await MeasureBaselineAsync();
                        await MeasureBotAsync();
                    }
                    else
                    {
                        await MeasureBotAsync();
                        await MeasureBaselineAsync();
                    }
                }
                var baselineRun = Check("baseline", Measurement.Combine(baselineRounds));
                var botRun = Check("bot", Measurement.Combine(botRounds));
                botTurns += botRun.Turns;
                var (rss, peakRss) = bot.ReadMemoryMiB();
                var ratio = botRun.TurnsPerSecond / baselineRun.TurnsPerSecond;
                return new WorkloadResult(
                    name, workload.Turn, workload.BaselineTurn,
                    PhaseResult.From(botRun), PhaseResult.From(baselineRun), ratio,
                    botRounds.Zip(baselineRounds, (b, s) => b.TurnsPerSecond / s.TurnsPerSecond).ToArray(),
                    botCpu.PerTurn(botRun.Turns, botRun.Elapsed), baselineCpu.PerTurn(baselineRun.Turns, baselineRun.Elapsed),
                    rss, peakRss,
                    BenchResult.Evaluate(n, botTurns, ratio, botRun.Percentile(99), bot.Ready.TotalMilliseconds, rss));

                Measurement Check(string phase, Measurement m)
                {
                    if (m.Errors > 0)
                    {
                        failures.Add($"{name} {phase}: {m.Errors} of {m.Turns} turns failed, e.g. {string.Join(" | ", m.FirstErrors)}");
                    }
                    return m;
                }
            }
        }

        /// <summary>Other engineers share this machine: the load average says how much they were using it.</summary>
        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        internal static string RepoRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "SupervisionBot.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }
            throw new HarnessException("Could not find SupervisionBot.sln above the current directory or the harness.");
        }
    }
}
