using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Ship;

/// <summary>
/// Runs the Bicep CLI from the NuGet package once per test class: build, lint and build-params in
/// parallel (each takes a few seconds), so the assertions only read their results.
/// </summary>
public sealed class InfraBuild : IAsyncLifetime
{
    public static string InfraFolder { get; } = Path.Combine(RepoPaths.Root, "infra");

    public CliResult Build { get; private set; } = null!;
    public CliResult Lint { get; private set; } = null!;
    public CliResult BuildParams { get; private set; } = null!;

    /// <summary>The ARM template <c>bicep build</c> wrote (modules inlined as nested deployments).</summary>
    public JsonObject Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var results = await Task.WhenAll(
            RunAsync("build", "main.bicep", "--stdout"),
            RunAsync("lint", "main.bicep"),
            RunAsync("build-params", "main.example.bicepparam", "--stdout"));
        (Build, Lint, BuildParams) = (results[0], results[1], results[2]);
        Template = Build.ExitCode == 0 ? JsonNode.Parse(Build.Stdout)!.AsObject() : [];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

    private static string BicepPath()
    {
        var path = typeof(InfraBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!.Replace('\\', '/');
        return File.Exists(path) ? path : throw new InvalidOperationException($"Bicep CLI not found at {path}; run dotnet restore.");
    }

    private static async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(BicepPath())
        {
            WorkingDirectory = InfraFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Offline: no telemetry, no module registry.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bicep.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
