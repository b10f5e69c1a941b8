using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SupervisionBot.Bot;

namespace SupervisionBot.Tests.Ship;

/// <summary>Without a connection string the bot sets up no telemetry export at all (local runs, tests).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Without_a_connection_string_nothing_is_exported()
    {
        // Built, not started: what is registered is what would run.
        await using var bot = BotHost.Build(["--environment", "Development"]);

        Assert.Null(bot.Services.GetService<MeterProvider>());
        Assert.Null(bot.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(bot.Services.GetServices<ILoggerProvider>(), p => p.GetType().FullName!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }
}
