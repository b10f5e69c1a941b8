using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Outbox;

/// <summary>The outbox configured for tests: the fake connector's rate, and short waits so failures surface in seconds.</summary>
internal static class OutboxSettings
{
    public static Dictionary<string, string?> For(FakeConnector connector, int ratePerSecond, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:TenantRatePerSecond"] = ratePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbox:ServiceUrl"] = connector.BaseUrl,
            ["Outbox:TenantId"] = "tid",
            ["Outbox:MaxAttempts"] = "3",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
            ["Outbox:SendTimeout"] = "00:00:05",
            ["Outbox:ClaimLease"] = "00:00:15",
            ["Outbox:HeartbeatInterval"] = "00:00:00.200",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:InstallPollInterval"] = "00:00:00.100",
            ["Outbox:InstallWait"] = "00:00:03",
            ["Outbox:ReportInterval"] = "00:00:01",
            ["Logging:LogLevel:SupervisionBot.Bot.Connector"] = "Error",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Polls until nothing of the purpose is still queued; fails with what is left otherwise.</summary>
    public static async Task<Dialogs.Outbox.OutboxCounts> SettledAsync(Dialogs.Outbox.IOutbox outbox, string purpose, int expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var counts = await outbox.CountAsync(purpose, CancellationToken.None);
            if (counts.Total == expected && counts.Queued == 0)
            {
                return counts;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"After {within.TotalSeconds:F0} s: {counts}");
            }
            await Task.Delay(100);
        }
    }
}
