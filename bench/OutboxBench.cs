using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupervisionBot.Bot;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// Proactive delivery: N people, each with a personal chat the bot knows, get one message through the
/// outbox of the bot (its own Release process) against the fake connector allowing R messages a
/// second. Measures the achieved rate, lost and duplicate messages, and the bot's RSS.
/// </summary>
internal static class OutboxBench
{
    public const string Command = "outbox";

    public const string Usage = """
        dotnet run -c Release --project bench -- outbox [options]
          --recipients N   people to reach, one message each (default 10000)
          --rate R         messages per second the fake connector allows, and the bot's Outbox:TenantRatePerSecond (default 50)
          --throttle P     share of requests the connector answers 429 anyway, without Retry-After (default 0)
          --errors P       share answered 503 (default 0)
          --no-build       use the existing Release build of the bot
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int recipients = 10_000, rate = 50;
        double throttle = 0, errors = 0;
        var build = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--recipients": recipients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rate": rate = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--throttle": throttle = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--errors": errors = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-build": build = false; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var root = Bench.RepoRoot();
        if (build)
        {
            Console.WriteLine("Building the bot (Release)…");
            await BotProcess.BuildAsync(root, cancellationToken);
        }
        Console.WriteLine("Starting Azurite and the fake connector…");
        using var azurite = await Azurite.StartAsync(root, cancellationToken);
        await using var connector = await FakeConnector.StartAsync(rate);
        connector.RandomThrottle = throttle;
        connector.RandomServerError = errors;
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Outbox:TenantRatePerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Outbox:ServiceUrl"] = connector.BaseUrl,
            ["Outbox:RetryBaseDelay"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SupervisionBot.Bot.Outbox.OutboxReporter"] = "Information",
        };

        Console.WriteLine($"Queueing {recipients} messages (and the people's chats) through an instance that does not send…");
        var queueing = Stopwatch.StartNew();
        await QueueAsync(settings, connector, recipients, cancellationToken);
        Console.WriteLine($"Queued in {queueing.Elapsed.TotalSeconds:F1} s.");

        using var http = new HttpClient();
        var environment = settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value!);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var bot = await BotProcess.StartAsync(root, environment, http, cancellationToken);
        Console.WriteLine($"Bot ready after {bot.Ready.TotalMilliseconds:F0} ms; sending…");
        var run = Stopwatch.StartNew();
        var peak = 0.0;
        var lastReport = TimeSpan.Zero;
        while (connector.DeliveredTotal < recipients && !bot.Process.HasExited)
        {
            await Task.Delay(250, cancellationToken);
            peak = Math.Max(peak, bot.ReadMemoryMiB().Rss);
            if (run.Elapsed - lastReport > TimeSpan.FromSeconds(20))
            {
                lastReport = run.Elapsed;
                Console.WriteLine($"  {run.Elapsed.TotalSeconds:F0} s: {connector.DeliveredTotal} delivered, RSS {peak:F0} MiB");
            }
        }
        var elapsed = run.Elapsed;
        // Anything sent twice would arrive after the last first-time delivery; give it a moment.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var (rss, hwm) = bot.ReadMemoryMiB();
        var perPerson = Enumerable.Range(0, recipients).Select(i => connector.Delivered.GetValueOrDefault(ChatOf(i))).ToList();
        var lost = perPerson.Count(n => n == 0);
        var duplicates = perPerson.Sum(n => Math.Max(0, n - 1));
        var achieved = connector.AcceptedRate();
        Console.WriteLine();
        Console.WriteLine($"| recipients | allowed | injected 429 / 5xx | achieved (first→last send) | whole run (bot ready→last) | % of allowed | lost | duplicates | forced 429s | RSS end / peak / VmHWM |");
        Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {recipients} | {rate}/s | {throttle:P0} / {errors:P0} | {achieved:F1}/s | {recipients / elapsed.TotalSeconds:F1}/s ({elapsed.TotalSeconds:F0} s) | {achieved / rate:P1} | {lost} | {duplicates} | {connector.RateLimited} | {rss:F0} / {peak:F0} / {hwm:F0} MiB |");
        Console.WriteLine($"requests {connector.Requests}, injected faults {connector.Injected}, busiest second {connector.BusiestSecond()}");
        if (bot.Process.HasExited)
        {
            Console.Error.WriteLine($"The bot exited (code {bot.Process.ExitCode}):\n{bot.Process.Tail}");
            return 1;
        }
        return 0;
    }

    private static string ChatOf(int i) => $"a:bench-chat-{i}";

    private static async Task QueueAsync(Dictionary<string, string?> settings, FakeConnector connector, int recipients, CancellationToken cancellationToken)
    {
        var app = BotHost.Build(["--environment", "Development", "--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Outbox:Send"] = "false" });
            builder.Logging.ClearProviders();
        });
        await app.StartAsync(cancellationToken);
        try
        {
            await app.Services.GetRequiredService<SupervisionTables>().WhenCreatedAsync(cancellationToken);
            var chats = app.Services.GetRequiredService<IConversationReferenceStore>();
            await Parallel.ForEachAsync(Enumerable.Range(0, recipients), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (i, ct) => await chats.SaveAsync(new ConversationReference(ChatOf(i), ConversationKind.Personal, connector.BaseUrl, "tid", "28:bot",
                    $"29:user-{i}", $"aad-{i}", $"ครู {i}", null, null, "th-TH"), ct));
            var outbox = app.Services.GetRequiredService<IOutbox>();
            var messages = Enumerable.Range(0, recipients)
                .Select(i => OutboxMessage.ToPerson("bench", $"aad-{i}", "notice-1", "แจ้งกำหนดการนิเทศภาคเรียนที่ 2"))
                .ToList();
            var queued = await outbox.EnqueueAsync(messages, cancellationToken);
            if (queued != recipients)
            {
                throw new HarnessException($"queued {queued} of {recipients}");
            }
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
