using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// The repository's Azurite, in memory on free ports, so the run neither needs nor disturbs a
/// developer's own instance. Tables and the outbox's queue; blob is started only because Azurite's
/// single command starts it too.
/// </summary>
internal sealed class Azurite : IDisposable
{
    // Azurite's well-known development key: a public constant, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite(ChildProcess process, int tablePort, int queuePort)
    {
        Process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
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
            "--tableHost", "127.0.0.1", "--tablePort", port.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--blobHost", "127.0.0.1", "--blobPort", Loopback.FreePort().ToString(),
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
