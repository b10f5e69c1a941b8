using System.Diagnostics;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// The bot as production runs it: its own process from the Release build, so start-up time and memory
/// are the bot's alone and not shared with the harness.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private BotProcess(ChildProcess process, string baseUrl, TimeSpan ready)
    {
        Process = process;
        BaseUrl = baseUrl;
        Ready = ready;
    }

    public ChildProcess Process { get; }

    public string BaseUrl { get; }

    public Uri MessagesUri => new(BaseUrl + "/api/messages");

    /// <summary>From Process.Start until GET /healthz first answered 200 (tables created, storage reachable).</summary>
    public TimeSpan Ready { get; }

    public static string DllPath(string repoRoot) =>
        Path.Combine(repoRoot, "Bot", "bin", "Release", "net10.0", "SupervisionBot.Bot.dll");

    /// <summary>An incremental Release build; without build servers, so nothing outlives the harness.</summary>
    public static async Task BuildAsync(string repoRoot, CancellationToken cancellationToken)
    {
        using var build = new ChildProcess("dotnet",
            ["build", Path.Combine(repoRoot, "Bot", "SupervisionBot.Bot.csproj"), "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers"],
            repoRoot);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BuildTimeout);
        try
        {
            await build.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HarnessException($"Building the bot took longer than {BuildTimeout.TotalMinutes:F0} minutes.\n{build.Tail}");
        }
        if (build.ExitCode != 0)
        {
            throw new HarnessException($"Building the bot failed (exit {build.ExitCode}).\n{build.Tail}");
        }
    }

    public static async Task<BotProcess> StartAsync(string repoRoot, IReadOnlyDictionary<string, string> environment, HttpClient http, CancellationToken cancellationToken)
    {
        var dll = DllPath(repoRoot);
        if (!File.Exists(dll))
        {
            throw new HarnessException($"The bot is not built ({dll}); run without --no-build.");
        }
        var port = Loopback.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var started = Stopwatch.StartNew();
        // The output folder is the content root, so the bot reads its own appsettings.json as when deployed.
        var process = new ChildProcess("dotnet", [dll, "--urls", baseUrl], Path.GetDirectoryName(dll)!, environment);
        try
        {
            var ready = await WaitUntilHealthyAsync(process, http, new Uri(baseUrl + "/healthz"), started, cancellationToken);
            return new BotProcess(process, baseUrl, ready);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>VmRSS and VmHWM (peak) from /proc/&lt;pid&gt;/status, in MiB.</summary>
    public (double Rss, double Peak) ReadMemoryMiB()
    {
        double rss = double.NaN, peak = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiB(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = KiB(line) / 1024;
            }
        }
        return (rss, peak);

        static double KiB(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits until the bot burns (almost) no CPU while idle. After the warm-up the runtime recompiles hot
    /// methods at tier 1 on a background thread for a few seconds; measured here, that work would be
    /// charged to whichever side runs first.
    /// </summary>
    /// <returns>How long it took, or null when the bot was still busy at the limit.</returns>
    public async Task<TimeSpan?> WaitUntilQuietAsync(CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMilliseconds(250);
        var started = Stopwatch.StartNew();
        var before = Process.CpuTime;
        while (started.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(window, cancellationToken);
            var now = Process.CpuTime;
            if (now - before < window * 0.05)
            {
                return started.Elapsed;
            }
            before = now;
        }
        return null;
    }

    public void Dispose() => Process.Dispose();

    private static async Task<TimeSpan> WaitUntilHealthyAsync(ChildProcess process, HttpClient http, Uri health, Stopwatch started, CancellationToken cancellationToken)
    {
        // Polled often: the 2 s target needs a resolution far finer than a second.
        var poll = TimeSpan.FromMilliseconds(10);
        while (started.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw new HarnessException($"The bot exited during start-up (exit {process.ExitCode}).\n{process.Tail}");
            }
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(poll, cancellationToken);
        }
        throw new HarnessException($"The bot was not healthy within {ReadyTimeout.TotalSeconds:F0} s.\n{process.Tail}");
    }
}
