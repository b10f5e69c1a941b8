using System.Diagnostics;
using System.Globalization;
using System.Text;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- directory</c>: imports a generated directory of 10,000
/// people and 500 schools through the real command line against Azurite (first import, the same files
/// again, export), and times a person lookup in directories of 1,000 and 10,000 people in one run, so
/// their ratio shows whether a turn's lookup stays O(1).
/// </summary>
internal static class DirectoryBench
{
    public const string Command = "directory";
    private const int People = 10_000;
    private const int Schools = 500;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = Bench.RepoRoot();
        await BotProcess.BuildAsync(root, cancellationToken);
        using var azurite = await Azurite.StartAsync(root, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("directory-bench-").FullName;
        try
        {
            Generate(folder, People, Schools);
            var environment = new Dictionary<string, string>
            {
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..6],
                ["DOTNET_ENVIRONMENT"] = "Production",
            };
            var first = await TimeCommandAsync(root, environment, ["import", folder], cancellationToken);
            var again = await TimeCommandAsync(root, environment, ["import", folder], cancellationToken);
            var export = await TimeCommandAsync(root, environment, ["export", Path.Combine(folder, "export")], cancellationToken);
            var small = LookupNanoseconds(1_000);
            var large = LookupNanoseconds(People);
            Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine($"| step | seconds |");
            Console.WriteLine($"|---|---|");
            Console.WriteLine($"| first import, {People:N0} people, {Schools} schools (process start to exit) | {first.TotalSeconds:F1} |");
            Console.WriteLine($"| same files again (no change) | {again.TotalSeconds:F1} |");
            Console.WriteLine($"| export | {export.TotalSeconds:F1} |");
            Console.WriteLine($"person lookup by AAD object id: {small:F0} ns with 1,000 people, {large:F0} ns with {People:N0} (ratio {large / small:F2})");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> TimeCommandAsync(string root, Dictionary<string, string> environment, string[] args, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = new ChildProcess("dotnet", [BotProcess.DllPath(root), Command, .. args], root, environment);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new HarnessException($"directory {args[0]} exited {process.ExitCode}:\n{process.Tail}");
        }
        return clock.Elapsed;
    }

    /// <summary>Mean time of a lookup of every person, many times over, in a directory of <paramref name="count"/> people.</summary>
    private static double LookupNanoseconds(int count)
    {
        var people = Enumerable.Range(0, count).Select(i => new Person($"p{i}@example.ac.th", $"ครู {i}", Guid.NewGuid().ToString(),
            new HashSet<RespondentRole> { RespondentRole.Teacher }, null, [], [])).ToArray();
        var directory = new OfficeDirectory([], [], [], people);
        var ids = people.Select(p => p.AadObjectId!).ToArray();
        const int lookups = 2_000_000;
        var found = 0;
        for (var i = 0; i < 200_000; i++)
        {
            found += directory.PersonByAadObjectId(ids[i % ids.Length]) is null ? 0 : 1;
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < lookups; i++)
        {
            found += directory.PersonByAadObjectId(ids[(int)((uint)(i * 7919) % (uint)ids.Length)]) is null ? 0 : 1;
        }
        var elapsed = clock.Elapsed;
        return found > 0 ? elapsed.TotalNanoseconds / lookups : throw new HarnessException("lookups found nobody");
    }

    private static void Generate(string folder, int people, int schools)
    {
        static string N(int i) => i.ToString(CultureInfo.InvariantCulture);
        var groups = new StringBuilder("group_no,name_th,name_en,chair_email,vice_chair_email,team_id,channel_id\n");
        for (var g = 1; g <= 6; g++)
        {
            groups.Append(CultureInfo.InvariantCulture, $"{N(g)},กลุ่มโรงเรียนที่ {N(g)},School group {N(g)},d{N(g)}@s{N(g):D4}.example.ac.th,,,\n");
        }
        var schoolRows = new StringBuilder("school_code,name_th,name_en,group_no,director_email,contact_email,needs_help\n");
        for (var s = 0; s < schools; s++)
        {
            schoolRows.Append(CultureInfo.InvariantCulture, $"S{s:D4},\"โรงเรียนทดสอบวิทยาคม, สาขา {N(s)}\",Test School {N(s)},{N(s % 6 + 1)},d{N(s)}@s{s:D4}.example.ac.th,,{(s % 10 == 0 ? "true" : "false")}\n");
        }
        var centres = new StringBuilder("centre_code,name_th,name_en,learning_area,host_school_code,chair_email\n");
        for (var c = 0; c < 28; c++)
        {
            centres.Append(CultureInfo.InvariantCulture, $"C{c:D2},ศูนย์พัฒนาวิชาการที่ {N(c)},Centre {N(c)},{LearningAreas.All[c % 9].Code},S{c:D4},\n");
        }
        var peopleRows = new StringBuilder("email,display_name,aad_object_id,roles,school_code,group_nos,learning_areas\n");
        for (var p = 0; p < people; p++)
        {
            var role = p < schools ? "director;teacher" : p < schools + 20 ? "supervisor" : "teacher";
            var school = p < schools + 20 && p >= schools ? "" : $"S{p % schools:D4}";
            var groupNos = role == "supervisor" ? N(p % 6 + 1) : "";
            peopleRows.Append(CultureInfo.InvariantCulture, $"p{p:D5}@s{p % schools:D4}.example.ac.th,ครูทดสอบ นามสกุลยาวพอสมควร {N(p)},{new Guid(p, 0, 0, new byte[8])},{role},{school},{groupNos},{LearningAreas.All[p % 9].Code}\n");
        }
        File.WriteAllText(Path.Combine(folder, "groups.csv"), groups.ToString());
        File.WriteAllText(Path.Combine(folder, "schools.csv"), schoolRows.ToString());
        File.WriteAllText(Path.Combine(folder, "centres.csv"), centres.ToString());
        File.WriteAllText(Path.Combine(folder, "people.csv"), peopleRows.ToString());
    }
}
