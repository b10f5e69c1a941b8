using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SupervisionBot.Bot;

namespace SupervisionBot.Tests.Support;

/// <summary>The real bot host (the same <see cref="BotHost.Build"/> as production) on a free loopback port.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningBot(WebApplication app, int port, CapturingLoggerProvider logs)
    {
        _app = app;
        Port = port;
        Logs = logs;
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string MessagesUrl => BaseUrl + "/api/messages";
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="port">A fixed port, to restart the bot where a client (the Playground) expects it.</param>
    /// <param name="configure">Runs before the bot's own registrations, e.g. to stand in for a port the bot would otherwise fill.</param>
    public static async Task<RunningBot> StartAsync(string storageConnectionString, string tablePrefix, IDictionary<string, string?>? settings = null, string environment = "Development", int? port = null,
        Action<WebApplicationBuilder>? configure = null, bool storageIsUp = true)
    {
        port ??= Ports.Free();
        var logs = new CapturingLoggerProvider();
        var app = BotHost.Build(["--environment", environment, "--urls", $"http://127.0.0.1:{port}"], builder =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storageConnectionString,
                ["Storage:TablePrefix"] = tablePrefix,
                // Retries are the connector's own tests' business; here they would only slow failures down.
                ["Connector:BaseDelay"] = "00:00:00.050",
                // Each new user would cost a connector member lookup that tests counting connector calls do not expect; the guest tests turn it on.
                ["Roles:CheckGuests"] = "false",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        // Tables are created in the background at start; a test's first request must not race them.
        if (storageIsUp)
        {
            using var ready = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.Services.GetRequiredService<SupervisionTables>().WhenCreatedAsync(ready.Token);
        }
        return new RunningBot(app, port.Value, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
