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

    public NodeScript.Result Build { get; private set; } = null!;
    public NodeScript.Result Lint { get; private set; } = null!;
    public NodeScript.Result BuildParams { get; private set; } = null!;

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

    private static string BicepPath()
    {
        var path = typeof(InfraBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!.Replace('\\', '/');
        return File.Exists(path) ? path : throw new InvalidOperationException($"Bicep CLI not found at {path}; run dotnet restore.");
    }

    /// <param name="file">Relative to infra/.</param>
    private static Task<NodeScript.Result> RunAsync(string command, string file, params string[] options) =>
        Task.Run(() => NodeScript.RunTool(BicepPath(), [command, Path.Combine("infra", file), .. options],
            TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["BICEP_TELEMETRY_ENABLED"] = "false" }));
}
