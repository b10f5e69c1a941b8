using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Bot.AreaDirectory;

/// <summary>
/// The IT admin's tool, against the configured storage whether the bot runs or not:
/// <c>dotnet run --project Bot -- directory import &lt;folder&gt;</c> and <c>… directory export &lt;folder&gt;</c>.
/// Running bots pick an import up within <see cref="AreaDirectoryOptions.RefreshSeconds"/>.
/// </summary>
public static class DirectoryCommand
{
    public const string Command = "directory";

    /// <summary>Runs the command; returns the process exit code (0 done, 1 bad rows, 2 wrong usage).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        if (args is not [var verb and ("import" or "export"), var folder, .. var settings])
        {
            await error.WriteLineAsync($"usage: dotnet run --project Bot -- {Command} import|export <folder>");
            return 2;
        }
        // The bot's own configuration (appsettings, environment, user secrets), so the command writes where the bot reads.
        var builder = WebApplication.CreateSlimBuilder(settings);
        configure?.Invoke(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        builder.Services.AddSingleton<SupervisionTables>();
        builder.Services.AddSingleton<TableDirectoryStore>();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<SupervisionTables>().EnsureCreatedAsync(CancellationToken.None);
        var store = app.Services.GetRequiredService<TableDirectoryStore>();
        return verb == "import"
            ? await ImportAsync(store, folder, output, error)
            : await ExportAsync(store, folder, output);
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
