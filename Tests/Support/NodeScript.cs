using System.Diagnostics;

namespace SupervisionBot.Tests.Support;

/// <summary>Runs one of the repo's node scripts (card checker, form-schema checker, Playground page driver).</summary>
public static class NodeScript
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    /// <param name="script">Path relative to the repository root.</param>
    /// <param name="limit">A guard against node itself hanging; the scripts bound their own work.</param>
    public static Result Run(string script, IEnumerable<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null) =>
        RunTool("node", [script, .. arguments], limit, environment);

    /// <summary>Any command-line tool (bash, the Bicep CLI), from the repository root, to completion.</summary>
    public static Result RunTool(string fileName, IEnumerable<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, stdout.Result, stderr.Result + $"\n(killed after {limit})");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
