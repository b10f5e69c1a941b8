using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Tests.Support;

/// <summary>
/// One real Azurite for the whole test run, on free ports so it never collides with a developer's
/// running instance. Tests isolate themselves with a table prefix of their own.
/// </summary>
public sealed class Azurite
{
    private static readonly Lazy<Task<Azurite>> Shared = new(StartAsync);
    private static int _prefixCounter;

    private Azurite(ChildProcess process, int tablePort, int queuePort)
    {
        Process = process;
        ConnectionString = StorageOptions.Azurite(tablePort, queuePort);
    }

    public ChildProcess Process { get; }
    public string ConnectionString { get; }

    public static Task<Azurite> GetAsync() => Shared.Value;

    /// <summary>A table-name prefix unique to the caller (letters and digits only, as table names require).</summary>
    public static string NewTablePrefix(string hint) =>
        new string(hint.Where(char.IsAsciiLetterOrDigit).Take(12).ToArray()) + "t" + Interlocked.Increment(ref _prefixCounter) + "x" + Random.Shared.Next(1000, 9999);

    private static async Task<Azurite> StartAsync()
    {
        var bin = RepoPaths.NodeBin("azurite");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed ({bin}); run the test command from the README, which installs the npm tools.");
        }
        int blob = Ports.Free(), queue = Ports.Free(), table = Ports.Free();
        var process = SuiteProcess.Start(bin,
        [
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
            "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck",
        ], RepoPaths.Root);
        // Generous: on a machine shared by many builds Azurite has taken 20 s and more to start.
        await Ports.WaitUntilListeningAsync(table, TimeSpan.FromSeconds(90), () => process.Tail);
        await Ports.WaitUntilListeningAsync(queue, TimeSpan.FromSeconds(10), () => process.Tail);
        return new Azurite(process, table, queue);
    }
}
