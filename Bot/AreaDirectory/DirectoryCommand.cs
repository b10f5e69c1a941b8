using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Graph;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Bot.AreaDirectory;

/// <summary>
/// The IT admin's tool, against the configured storage whether the bot runs or not:
/// <c>dotnet run --project Bot -- directory import &lt;folder&gt;</c>, <c>… directory export &lt;folder&gt;</c>, and
/// <c>… directory link</c>, which fills missing AAD object ids and team/channel ids through Microsoft Graph.
/// Running bots pick an import up within <see cref="AreaDirectoryOptions.RefreshSeconds"/>.
/// </summary>
public static class DirectoryCommand
{
    public const string Command = "directory";

    private const int LinkAttempts = 3;

    /// <summary>Runs the command; returns the process exit code (0 done, 1 bad rows or Graph refused, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        if (args is ["link", .. var linkSettings])
        {
            await using var linking = await CommandHost.StartAsync(linkSettings, configure, (services, configuration) =>
            {
                services.TryAddSingleton<TokenCredential>(_ => AppCredential.Create(configuration));
                services.AddGraph(configuration);
                services.AddSingleton<DirectoryLinker>();
            });
            return await LinkAsync(linking.Services.GetRequiredService<TableDirectoryStore>(), linking.Services.GetRequiredService<DirectoryLinker>(), output, error);
        }
        if (args is not [var verb and ("import" or "export"), var folder, .. var settings])
        {
            await error.WriteLineAsync($"usage: dotnet run --project Bot -- {Command} import|export <folder>, or {Command} link");
            return 2;
        }
        await using var app = await CommandHost.StartAsync(settings, configure);
        var store = app.Services.GetRequiredService<TableDirectoryStore>();
        return verb == "import"
            ? await ImportAsync(store, folder, output, error)
            : await ExportAsync(store, folder, output);
    }

    /// <summary>
    /// Fills missing ids through Graph and stores the result as a new version, the way an import does.
    /// An import made while Graph was asked wins: the link starts again from it rather than undo it.
    /// </summary>
    private static async Task<int> LinkAsync(TableDirectoryStore store, DirectoryLinker linker, TextWriter output, TextWriter error)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.LoadAsync(CancellationToken.None);
            if (current.Directory.IsEmpty)
            {
                await error.WriteLineAsync($"The directory is empty: import it first ({Command} import <folder>).");
                return 2;
            }
            DirectoryLink link;
            try
            {
                link = await linker.LinkAsync(current.Directory, CancellationToken.None);
            }
            catch (GraphRefusedException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 1;
            }
            await output.WriteLineAsync($"Linked through Microsoft Graph: {link}");
            if (!link.Changed)
            {
                await output.WriteLineAsync($"Nothing to fill: the directory is unchanged (version {current.Version}).");
            }
            else if (await store.ImportOverAsync(DirectoryExport.Files(link.Linked), current.Version, CancellationToken.None) is not { } report)
            {
                if (attempt == LinkAttempts)
                {
                    await error.WriteLineAsync($"The directory was imported again {LinkAttempts} times while linking; nothing was stored. Run the link again.");
                    return 1;
                }
                await output.WriteLineAsync("The directory was imported again meanwhile; linking the new version.");
                continue;
            }
            else if (report.Status == ImportStatus.Refused)
            {
                await error.WriteLineAsync("The linked directory did not pass the import's checks; nothing was stored:");
                foreach (var problem in report.Problems)
                {
                    await error.WriteLineAsync($"{problem.File} row {problem.Row}: {problem.Reason.En}");
                }
                return 1;
            }
            else
            {
                await output.WriteLineAsync($"Stored as directory version {report.Version}.");
            }
            return await ReportProblemsAsync(link, output);
        }
    }

    private static async Task<int> ReportProblemsAsync(DirectoryLink link, TextWriter output)
    {
        if (link.Problems.Count > 0)
        {
            await output.WriteLineAsync($"{link.Problems.Count} problem(s) to fix in the CSV files (or in Teams / Entra ID):");
            foreach (var problem in link.Problems)
            {
                await output.WriteLineAsync(problem);
            }
        }
        return 0;
    }

    private static async Task<int> ImportAsync(TableDirectoryStore store, string folder, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"No such folder: {Path.GetFullPath(folder)}");
            return 2;
        }
        var files = Directory.EnumerateFiles(folder)
            .Where(path => DirectoryFiles.FileNames.Values.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => new DirectoryFile(Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToArray();
        var report = await store.ImportAsync(files, CancellationToken.None);
        switch (report.Status)
        {
            case ImportStatus.Refused:
                await output.WriteLineAsync($"Nothing was imported: {report.Problems.Count} problem(s).");
                await output.WriteAsync(CsvRows.Write(report.Problems
                    .Select(p => (IReadOnlyList<string>)[p.File, p.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Reason.En])
                    .Prepend(["file", "row", "reason"])));
                return 1;
            case ImportStatus.Unchanged:
                await output.WriteLineAsync($"No changes: the directory already holds these files (version {report.Version}).");
                return 0;
            default:
                await output.WriteLineAsync($"Imported {string.Join(", ", files.Select(f => f.Name))} as directory version {report.Version}.");
                await output.WriteLineAsync(report.Changes.ToString());
                return 0;
        }
    }

    private static async Task<int> ExportAsync(TableDirectoryStore store, string folder, TextWriter output)
    {
        var stored = await store.LoadAsync(CancellationToken.None);
        Directory.CreateDirectory(folder);
        foreach (var file in DirectoryExport.Files(stored.Directory))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content);
        }
        await output.WriteLineAsync($"Exported directory version {stored.Version ?? "(none: empty)"} to {Path.GetFullPath(folder)}: " +
            $"{stored.Directory.Groups.Count} groups, {stored.Directory.Schools.Count} schools, {stored.Directory.Centres.Count} centres, {stored.Directory.People.Count} people.");
        return 0;
    }
}
