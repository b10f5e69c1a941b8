using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Tests.Support;
using Xunit.Abstractions;

namespace SupervisionBot.Tests.Outbox;

/// <summary>The bot's process killed (SIGKILL) in the middle of 10,000 messages and started again: none lost, at most those in flight sent twice.</summary>
[Collection(OutboxRunsAlone.Name)]
public sealed class OutboxCrashTests(ITestOutputHelper output)
{
    private const int Rate = 500;
    private const int Count = 10_000;
    private const int MaxInFlight = 16;

    [Fact]
    public async Task A_bot_killed_mid_run_and_restarted_loses_none_and_resends_at_most_those_in_flight()
    {
        var azurite = await Azurite.GetAsync();
        await using var connector = await FakeConnector.StartAsync(Rate);
        var prefix = Azurite.NewTablePrefix("outboxcrash");
        var settings = OutboxSettings.For(connector, Rate, new() { ["Outbox:MaxInFlight"] = MaxInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // This instance only queues (as a web instance that does not send would).
        await using var queuer = await RunningBot.StartAsync(azurite.ConnectionString, prefix, new Dictionary<string, string?>(settings) { ["Outbox:Send"] = "false" });
        var outbox = queuer.Services.GetRequiredService<IOutbox>();
        var messages = Enumerable.Range(0, Count)
            .Select(i => OutboxMessage.InThread("notice", "19:all-schools@thread.tacv2", $"{i}", "notice-1", "ประกาศ"))
            .ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(Count, await outbox.EnqueueAsync(messages, CancellationToken.None));
        output.WriteLine($"queued {Count} in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        using (var doomed = StartBotProcess(azurite, prefix, settings))
        {
            while (connector.DeliveredTotal < Count / 4)
            {
                Assert.False(doomed.HasExited, doomed.Tail);
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"only {connector.DeliveredTotal} sent. {doomed.Tail}");
                await Task.Delay(10);
            }
        } // Dispose kills the process (SIGKILL), mid-send.
        var atKill = connector.DeliveredTotal;
        output.WriteLine($"killed after {atKill} delivered in {watch.Elapsed.TotalSeconds:F1} s");

        using var restarted = StartBotProcess(azurite, prefix, settings);
        var counts = await OutboxSettings.SettledAsync(outbox, "notice", Count, TimeSpan.FromMinutes(4));
        output.WriteLine($"all settled {watch.Elapsed.TotalSeconds:F1} s after the first start");

        Assert.Equal(new OutboxCounts("notice", 0, Count, 0), counts);
        var perThread = messages.Select(m => connector.Delivered.GetValueOrDefault($"19:all-schools@thread.tacv2;messageid={m.ThreadId}")).ToList();
        Assert.Equal(0, perThread.Count(n => n == 0));
        var duplicates = perThread.Sum(n => n - 1);
        output.WriteLine($"duplicates: {duplicates}");
        Assert.InRange(duplicates, 0, MaxInFlight);
    }

    private static ChildProcess StartBotProcess(Azurite azurite, string prefix, Dictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            // Not ASPNETCORE_URLS: appsettings.Development.json's "Urls" (3978, for run.sh) would win over it,
            // and two runs on one machine, or a bot already running there, would then collide.
            ["Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Storage__TablePrefix"] = prefix,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        return new ChildProcess("dotnet", [Path.Combine(AppContext.BaseDirectory, "SupervisionBot.Bot.dll")], AppContext.BaseDirectory, environment);
    }
}
