using System.Globalization;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// The Table service of the repository's Azurite, in memory on a free port, so the run neither needs
/// nor disturbs a developer's own instance. The bot only uses tables, so blob and queue are not started.
/// </summary>
internal sealed class Azurite : IDisposable
{
    private Azurite(ChildProcess process, int tablePort)
    {
        Process = process;
        // The bot's own development connection string; it uses no queue, so nothing listens on that port.
        ConnectionString = StorageOptions.Azurite(tablePort, queuePort: Loopback.FreePort());
    }

    public ChildProcess Process { get; }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var bin = Path.Combine(repoRoot, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(bin))
        {
            throw new HarnessException($"Azurite is not installed ({bin}); run scripts/test.sh once, which installs the npm tools.");
        }
        var port = Loopback.FreePort();
        var process = new ChildProcess(bin,
        [
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck",
        ], repoRoot);
        try
        {
            await Loopback.WaitUntilListeningAsync(port, process, TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new Azurite(process, port);
    }

    public void Dispose() => Process.Dispose();
}
