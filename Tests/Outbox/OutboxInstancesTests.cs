using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Tests.Support;
using Xunit.Abstractions;

namespace SupervisionBot.Tests.Outbox;

/// <summary>Two bot instances on one queue: together under the tenant's rate, each message sent once, a 429 pausing both.</summary>
[Collection(OutboxRunsAlone.Name)]
public sealed class OutboxInstancesTests(ITestOutputHelper output)
{
    private const int Rate = 100;

    [Fact]
    public async Task Two_instances_share_the_rate_send_each_message_once_and_both_pause_on_a_429()
    {
        var azurite = await Azurite.GetAsync();
        await using var connector = await FakeConnector.StartAsync(Rate);
        var prefix = Azurite.NewTablePrefix("outboxtwo");
        await using var first = await RunningBot.StartAsync(azurite.ConnectionString, prefix, OutboxSettings.For(connector, Rate));
        await using var second = await RunningBot.StartAsync(azurite.ConnectionString, prefix, OutboxSettings.For(connector, Rate));
        var outbox = first.Services.GetRequiredService<IOutbox>();
        var rates = new[] { first, second }.Select(b => b.Services.GetRequiredService<SharedRateLimiter>()).ToList();

        const int count = 250;
        var messages = Enumerable.Range(0, count)
            .Select(i => OutboxMessage.InThread("summary", "19:office@thread.tacv2", $"{1000 + i}", "week-48", $"summary {i}"))
            .ToList();
        await outbox.EnqueueAsync(messages, CancellationToken.None);

        // Once both are sending, a 429 with Retry-After reaches one of them; the other must stop too.
        var started = DateTime.UtcNow;
        while (connector.DeliveredTotal < 60 && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }
        Assert.All(rates, r => Assert.Equal(2, r.LiveInstances));
        Assert.All(rates, r => Assert.True(r.RatePerSecond <= Rate / 2.0, $"one instance's share is {r.RatePerSecond}/s"));
        var throttledAt = await connector.ThrottleOnceAsync(retryAfterSeconds: 3).WaitAsync(TimeSpan.FromSeconds(30));

        await OutboxSettings.SettledAsync(outbox, "summary", count, TimeSpan.FromSeconds(120));
        var sent = new[] { first, second }.Select(b => b.Services.GetRequiredService<OutboxMetrics>().Totals.Sent).ToList();
        output.WriteLine($"sent by each: {string.Join(", ", sent)}; busiest second {connector.BusiestSecond()}; rate {connector.AcceptedRate():F1}/s");

        Assert.All(messages, m => Assert.Equal(1, connector.DeliveredText($"19:office@thread.tacv2;messageid={m.ThreadId}", m.Text)));
        Assert.Equal(count, connector.DeliveredTotal);
        Assert.Equal(count, sent.Sum());
        // Which instance takes which queue message is the queue's choice: one instance has been seen to
        // take all of them while the other waited out its start-up heartbeats, so only the shares are checked.
        // Together under the limit: the connector never had to refuse for rate, and no second held more.
        Assert.Equal(0, connector.RateLimited);
        Assert.True(connector.BusiestSecond() <= Rate, $"busiest second {connector.BusiestSecond()}");
        // Both honoured the Retry-After (the other instance learns of it within a heartbeat or two).
        Assert.Equal(0, connector.RequestsBetween(throttledAt + TimeSpan.FromSeconds(1.2), throttledAt + TimeSpan.FromSeconds(2.8)));
    }
}
