using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Logging.Abstractions;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Summaries;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// The IT admin's export tools, against the configured storage whether the bot runs or not:
/// <c>dotnet run --project Bot -- export responses --form &lt;formId&gt; [--campaign &lt;id&gt;] [--group &lt;n&gt;] [--school &lt;code&gt;] [--from yyyy-mm-dd] [--to yyyy-mm-dd] --format csv|xlsx --out &lt;file&gt;</c>
/// and <c>dotnet run --project Bot -- summary --form &lt;formId&gt; [--campaign &lt;id&gt;] [--group &lt;n&gt;] [--school &lt;code&gt;] --json</c>.
/// The summary's numbers are the ones its card shows: both come from the same <see cref="FormResults"/>.
/// </summary>
public static class ExportCommands
{
    public const string Export = "export";
    public const string Summary = "summary";

    private const string ExportUsage = "usage: dotnet run --project Bot -- export responses --form <formId> [--campaign <id>] [--group <n>] [--school <code>] [--from yyyy-mm-dd] [--to yyyy-mm-dd] --format csv|xlsx --out <file>";
    private const string SummaryUsage = "usage: dotnet run --project Bot -- summary --form <formId> [--campaign <id>] [--group <n>] [--school <code>] --json | --format csv|xlsx --out <file>";

    /// <summary>Exit codes: 0 done, 1 no such form, 2 wrong usage.</summary>
    public static async Task<int> ExportAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        if (args is not ["responses", .. var rest] || Options.Parse(rest, ["--form", "--campaign", "--group", "--school", "--from", "--to", "--format", "--out"], []) is not { } options
            || options.Value("--form") is null || options.Value("--out") is not { } outPath
            || options.Value("--format") is not ("csv" or "xlsx") || !options.TryFilter(out var filter))
        {
            await error.WriteLineAsync(ExportUsage);
            return 2;
        }
        if (ExportDates.TryRead(options.Value("--from"), options.Value("--to"), out var from, out var to) is { } problem)
        {
            await error.WriteLineAsync(problem switch
            {
                ExportDateProblem.BadFrom => $"--from '{options.Value("--from")}' is not a date: write yyyy-mm-dd (a B.E. year such as 2569-11-30 is read as B.E.).",
                ExportDateProblem.BadTo => $"--to '{options.Value("--to")}' is not a date: write yyyy-mm-dd (a B.E. year such as 2569-11-30 is read as B.E.).",
                _ => $"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}.",
            });
            await error.WriteLineAsync(ExportUsage);
            return 2;
        }
        filter = filter with { From = from, To = to };
        await using var app = await CommandHost.StartAsync(options.Rest, configure, (services, _) => services.AddSingleton(_ => FormCatalogue.LoadBuiltIn()));
        var catalogue = app.Services.GetRequiredService<FormCatalogue>();
        if (catalogue.Find(filter.FormId) is null)
        {
            await error.WriteLineAsync($"No form '{filter.FormId}'. Forms: {string.Join(", ", catalogue.Forms.Select(f => f.Id))}");
            return 1;
        }
        var directory = (await app.Services.GetRequiredService<TableDirectoryStore>().LoadAsync(CancellationToken.None)).Directory;
        var export = new ResponseExport(app.Services.GetRequiredService<SupervisionTables>(), catalogue, directory);
        await using var file = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        var count = await export.WriteAsync(filter, options.Value("--format") == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx, file, CancellationToken.None);
        await output.WriteLineAsync($"Exported {count} response(s) of {filter.FormId} to {Path.GetFullPath(outPath)}.");
        return 0;
    }

    /// <summary>Exit codes: 0 done, 1 no such form, 2 wrong usage.</summary>
    public static async Task<int> SummaryAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        // Either JSON on standard output or a file, never both.
        if (Options.Parse(args, ["--form", "--campaign", "--group", "--school", "--format", "--out"], ["--json"]) is not { } options
            || !options.TryFilter(out var filter)
            || (options.Flags.Contains("--json")
                ? options.Value("--format") is not null || options.Value("--out") is not null
                : options.Value("--format") is not ("csv" or "xlsx") || options.Value("--out") is null))
        {
            await error.WriteLineAsync(SummaryUsage);
            return 2;
        }
        await using var app = await CommandHost.StartAsync(options.Rest, configure, (services, _) => services.AddSingleton(_ => FormCatalogue.LoadBuiltIn()));
        var catalogue = app.Services.GetRequiredService<FormCatalogue>();
        if (catalogue.Find(filter.FormId) is not { } form)
        {
            await error.WriteLineAsync($"No form '{filter.FormId}'. Forms: {string.Join(", ", catalogue.Forms.Select(f => f.Id))}");
            return 1;
        }
        var directory = new LoadedDirectory((await app.Services.GetRequiredService<TableDirectoryStore>().LoadAsync(CancellationToken.None)).Directory);
        var aggregates = new TableResponseAggregates(app.Services.GetRequiredService<SupervisionTables>(), catalogue, directory, TimeProvider.System, NullLogger<TableResponseAggregates>.Instance);
        var scope = filter.Scope;
        // An admin's tool: everything the office may see, free text included.
        var results = await new SummaryReader(aggregates, catalogue, directory).ReadAsync(new SummaryRequest(form.Id, scope), invited: null, showTexts: true, Language.Thai, CancellationToken.None);
        if (options.Value("--out") is not { } outPath)
        {
            await output.WriteLineAsync(SummaryJson.Write(results!, scope));
            return 0;
        }
        await using (var file = new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            await SummaryExport.WriteAsync(results!, options.Value("--format") == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx, Language.Thai, file, CancellationToken.None);
        }
        await output.WriteLineAsync($"Wrote the summary of {results!.Respondents} respondent(s) to {Path.GetFullPath(outPath)}.");
        return 0;
    }

    private sealed class LoadedDirectory(OfficeDirectory directory) : IOfficeDirectorySource
    {
        public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
    }

    /// <summary>"--name value" pairs and bare flags; anything else is passed on as configuration (e.g. --Storage:ConnectionString=…).</summary>
    private sealed record Options(Dictionary<string, string> Values, HashSet<string> Flags, string[] Rest)
    {
        public static Options? Parse(string[] args, string[] valued, string[] flags)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var rest = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                if (valued.Contains(args[i]))
                {
                    if (i + 1 >= args.Length || !values.TryAdd(args[i], args[++i]))
                    {
                        return null;
                    }
                }
                else if (flags.Contains(args[i]))
                {
                    seen.Add(args[i]);
                }
                else
                {
                    rest.Add(args[i]);
                }
            }
            return new Options(values, seen, [.. rest]);
        }

        public string? Value(string name) => Values.GetValueOrDefault(name);

        public bool TryFilter(out ExportFilter filter)
        {
            filter = null!;
            if (Value("--form") is not { } form || (Value("--group") is { } g && !int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return false;
            }
            filter = new ExportFilter(form, Value("--campaign"), Value("--group") is { } group ? int.Parse(group, CultureInfo.InvariantCulture) : null, Value("--school"));
            return true;
        }
    }
}

/// <summary>The summary as JSON: per item, section and overall n, mean, S.D. and band, as the card prints them.</summary>
public static class SummaryJson
{
    public static string Write(FormResults results, SummaryScope scope)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }))
        {
            json.WriteStartObject();
            json.WriteString("form", results.FormId);
            json.WriteNumber("version", results.FormVersion);
            json.WriteString("title", results.Title);
            json.WriteStartObject("scope");
            json.WriteString("level", scope.Level.ToString().ToLowerInvariant());
            json.WriteString("key", scope.Key);
            json.WriteString("campaign", scope.Campaign);
            json.WriteString("title", results.ScopeTitle);
            json.WriteEndObject();
            json.WriteNumber("respondents", results.Respondents);
            json.WriteBoolean("suppressed", results.Suppressed);
            Objects(json, "tables", results.Tables, table =>
            {
                json.WriteString("title", table.Title);
                json.WriteStartArray("rows");
                foreach (var row in table.Rows)
                {
                    Row(json, row.Number is null ? "section" : "item", row);
                }
                json.WriteEndArray();
                json.WritePropertyName("overall");
                Row(json, "overall", table.Overall);
            });
            Objects(json, "topNeeds", results.TopNeeds, need =>
            {
                json.WriteNumber("rank", need.Rank);
                json.WriteString("label", need.Label);
                json.WriteString("value", need.Value);
                json.WriteString("band", need.Level);
            });
            Objects(json, "checklists", results.Checklists, item =>
            {
                json.WriteString("label", item.Label);
                json.WriteNumber("applied", item.Applied);
                json.WriteString("percentDone", item.PercentDone);
            });
            Objects(json, "breakdown", results.Breakdown, line =>
            {
                json.WriteString("label", line.Label);
                json.WriteBoolean("suppressed", line.Suppressed);
                if (line.Respondents is { } n)
                {
                    json.WriteNumber("n", n);
                }
                json.WriteString("mean", line.Mean);
                json.WriteString("band", line.Level);
            });
            json.WriteString("bands", results.BandSetNote);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An array named <paramref name="name"/> holding one object per item, its fields written by <paramref name="fields"/>.</summary>
    private static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> fields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            fields(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Row(Utf8JsonWriter json, string kind, Dialogs.Statistics.SummaryRow row)
    {
        json.WriteStartObject();
        json.WriteString("kind", kind);
        json.WriteString("number", row.Number);
        json.WriteString("label", row.Label);
        json.WriteNumber("n", row.N);
        json.WriteString("mean", row.Mean);
        json.WriteString("sd", row.StandardDeviation);
        json.WriteString("band", row.Level);
        if (row.Rank is { } rank)
        {
            json.WriteNumber("rank", rank);
        }
        json.WriteEndObject();
    }
}
