using System.Globalization;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Scheduling;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bot.Visits;

/// <summary>
/// The office's tool for a term's plan, against the configured storage with the bot's own planning
/// services (so imported visits are checked and reminded like visits scheduled in chat):
/// <c>dotnet run --project Bot -- visits import &lt;file.csv&gt;</c> and
/// <c>… visits export --supervisor &lt;email&gt; [--group &lt;n&gt;] [--semester &lt;yyyy-s&gt;] --out &lt;file.csv&gt;</c>.
/// </summary>
public static class VisitsCommand
{
    public const string Command = "visits";

    private const string Usage =
        "usage: dotnet run --project Bot -- visits import <file.csv>\n" +
        "       dotnet run --project Bot -- visits export --supervisor <email> [--group <n>] [--semester <yyyy-s>, e.g. 2569-2] --out <file.csv>";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 bad rows or nothing found, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        switch (args)
        {
            case ["import", var file, .. var settings]:
                if (!File.Exists(file))
                {
                    await error.WriteLineAsync($"No such file: {Path.GetFullPath(file)}");
                    return 2;
                }
                await using (var app = await StartAsync(settings, configure))
                {
                    return await ImportAsync(app.Services.GetRequiredService<VisitImport>(), file, output);
                }
            case ["export", .. var rest] when ExportOptions.TryParse(rest, out var options, out var settings):
                await using (var app = await StartAsync(settings, configure))
                {
                    return await ExportAsync(app.Services.GetRequiredService<SemesterVisits>(), options, output, error);
                }
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// The bot's configuration and the services planning needs, not the web host: the command needs no
    /// bot credentials, only storage. Imported visits are planned in the bot's durable schedule, so
    /// their reminders go out from whichever bot instance runs it.
    /// </summary>
    private static Task<WebApplication> StartAsync(string[] settings, Action<WebApplicationBuilder>? configure) =>
        CommandHost.StartAsync(settings, configure, (services, configuration) =>
        {
            services.Configure<AreaDirectoryOptions>(configuration.GetSection("Directory"));
            services.AddSingleton<DirectoryCache>();
            services.AddSingleton<IOfficeDirectorySource>(sp => sp.GetRequiredService<DirectoryCache>());
            services.AddSingleton(_ => FormCatalogue.LoadBuiltIn());
            services.AddSingleton<TableJobSchedule>();
            services.AddSingleton<IJobSchedule>(sp => sp.GetRequiredService<TableJobSchedule>());
            services.AddVisits();
            // Imported, moved and cancelled visits keep their reminders in step; a running bot sends them.
            services.AddVisitReminders(configuration);
        });

    private static async Task<int> ImportAsync(VisitImport import, string file, TextWriter output)
    {
        var name = Path.GetFileName(file);
        var report = await import.ImportAsync(name, await File.ReadAllBytesAsync(file), VisitActor.CommandLine, CancellationToken.None);
        if (report.Refused)
        {
            await output.WriteLineAsync($"Nothing was imported: {report.Problems.Count} problem(s).");
            await output.WriteAsync(CsvRows.Write(report.Problems
                .Select(p => (IReadOnlyList<string>)[p.File, p.Row.ToString(CultureInfo.InvariantCulture), p.Reason.En])
                .Prepend(["file", "row", "reason"])));
            return 1;
        }
        await output.WriteLineAsync($"Imported {name}: {report.Added} visit(s) added, {report.AlreadyThere} already there.");
        return 0;
    }

    private static async Task<int> ExportAsync(SemesterVisits visits, ExportOptions options, TextWriter output, TextWriter error)
    {
        if (visits.Find(options.Semester) is not { } semester)
        {
            await error.WriteLineAsync($"No semester {options.Semester} in the school calendar; known: {string.Join(", ", visits.KnownSemesters)}");
            return 2;
        }
        var list = await visits.ListAsync(options.Supervisor, options.Group, semester, CancellationToken.None);
        await File.WriteAllBytesAsync(options.Out, await visits.CsvAsync(list, CancellationToken.None));
        var group = options.Group is { } n ? string.Create(CultureInfo.InvariantCulture, $", group {n}") : "";
        await output.WriteLineAsync($"Exported {list.Count} visit(s) of {options.Supervisor}{group} in semester {semester.Name} to {Path.GetFullPath(options.Out)}.");
        return 0;
    }

    private sealed record ExportOptions(string Supervisor, int? Group, string? Semester, string Out)
    {
        /// <summary>The export's options; what follows them is configuration for the host.</summary>
        public static bool TryParse(string[] args, out ExportOptions options, out string[] settings)
        {
            string[] names = ["--supervisor", "--group", "--semester", "--out"];
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = 0;
            for (; i + 1 < args.Length && names.Contains(args[i]); i += 2)
            {
                values[args[i]] = args[i + 1];
            }
            settings = args[i..];
            int? group = null;
            if (values.TryGetValue("--group", out var text))
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    options = null!;
                    return false;
                }
                group = number;
            }
            options = new ExportOptions(values.GetValueOrDefault("--supervisor", ""), group, values.GetValueOrDefault("--semester"), values.GetValueOrDefault("--out", ""));
            return options.Supervisor.Length > 0 && options.Out.Length > 0;
        }
    }
}
