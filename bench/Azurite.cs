using System.Globalization;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// The repository's Azurite, in memory on free ports, so the run neither needs nor disturbs a
/// developer's own instance. Tables and the outbox's queue; blob is started only because Azurite's
/// single command starts it too.
/// </summary>
internal sealed class Azurite : IDisposable
{
    private Azurite(ChildProcess process, int tablePort, int queuePort)
    {
        Process = process;
        // The bot's own development connection string, with the queue the outbox uses.
        ConnectionString = StorageOptions.Azurite(tablePort, queuePort);
    }

    public ChildProcess Process { get; }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var bin = Path.Combine(repoRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
        {
            throw new HarnessException($"Azurite is not installed ({bin}); run scripts/test.sh once, which installs the npm tools.");
        }
        var port = Loopback.FreePort();
        var queuePort = Loopback.FreePort();
        var process = new ChildProcess(bin,
        [
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
            "--blobHost", "127.0.0.1", "--blobPort", Loopback.FreePort().ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck",
        ], repoRoot);
        try
        {
            await Loopback.WaitUntilListeningAsync(port, process, TimeSpan.FromSeconds(30), cancellationToken);
            await Loopback.WaitUntilListeningAsync(queuePort, process, TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new Azurite(process, port, queuePort);
    }

    public void Dispose() => Process.Dispose();
}
