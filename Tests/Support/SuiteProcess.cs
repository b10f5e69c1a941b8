using System.Globalization;
namespace SupervisionBot.Tests.Support;

/// <summary>
/// Starts a server the suite needs (Azurite, the Playground) tied to this test process: it stops when
/// the test host goes, even if the host is killed before <see cref="ChildProcess"/>'s exit hook runs.
/// </summary>
public static class SuiteProcess
{
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        new("node",
            [Path.Combine(RepoPaths.Root, "scripts", "testing", "tied-to-parent.js"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), fileName, .. arguments],
            workingDirectory,
            environment);
}
