using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Summaries;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench -- summaries</c>: in one run against Azurite, (1) the
/// latency of reading the area summary of 1,000 and of 100,000 needs-survey responses, (2) saving a
/// named response alone and with its aggregates, with the cost of the least second round trip and the
/// CPU split between this process and Azurite, (3) the peak RSS of the real export command over the
/// 100,000 responses. The aggregates of the two sets are written as the bot would have left them
/// (the totals of every response, per scope), since recording 100,000 responses one by one would only
/// time the seeding.
/// </summary>
internal static class SummaryBench
{
    public const string Command = "summaries";
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();
    private static readonly FormDefinition Form = Catalogue.Find("school-administration-needs")!;

    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = Bench.RepoRoot();
        await BotProcess.BuildAsync(root, cancellationToken);
        using var azurite = await Azurite.StartAsync(root, cancellationToken);
        var office = Office();
        var source = new Fixed(office);

        var small = await SeedAsync(azurite.ConnectionString, "sumsmall", 1_000, office, cancellationToken);
        var large = await SeedAsync(azurite.ConnectionString, "sumlarge", 100_000, office, cancellationToken);
        var smallMs = await SummaryMillisecondsAsync(small, source, cancellationToken);
        var largeMs = await SummaryMillisecondsAsync(large, source, cancellationToken);

        var saves = await SaveMillisecondsAsync(azurite, source, cancellationToken);
        var (exportSeconds, peakMb, exported) = await ExportAsync(root, azurite.ConnectionString, "sumlarge", cancellationToken);

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| area summary, 1,000 responses (median of 30) | {smallMs:F1} ms |");
        Console.WriteLine($"| area summary, 100,000 responses (median of 30) | {largeMs:F1} ms |");
        Console.WriteLine($"| ratio 100,000 / 1,000 (target ≤ 1.5) | {largeMs / smallMs:F2} |");
        Console.WriteLine($"| save a named response alone (median of 200) | {saves.Alone:F1} ms |");
        Console.WriteLine($"| save it and update its aggregates (median of 200) | {saves.WithAggregates:F1} ms |");
        Console.WriteLine($"| ratio (target ≤ 2) | {saves.WithAggregates / saves.Alone:F2} |");
        Console.WriteLine($"| CPU per save alone: this process / Azurite | {saves.AloneCpu.Ours:F1} / {saves.AloneCpu.Azurite:F1} ms |");
        Console.WriteLine($"| CPU per save with aggregates: this process / Azurite | {saves.WithAggregatesCpu.Ours:F1} / {saves.WithAggregatesCpu.Azurite:F1} ms |");
        Console.WriteLine($"| export responses --format xlsx, {exported:N0} rows | {exportSeconds:F1} s, peak RSS {peakMb:F0} MB (target ≤ 300) |");
        return 0;
    }

    private static OfficeDirectory Office()
    {
        var sizes = new[] { 10, 14, 11, 11, 11, 10 };
        var groups = sizes.Select((_, g) => new SchoolGroup(g + 1, $"กลุ่มโรงเรียนที่ {g + 1}", null, null, null, null, null));
        var schools = sizes.SelectMany((size, g) => Enumerable.Range(0, size).Select(s => new School($"S{g + 1}{s:D2}", $"โรงเรียนที่ {g + 1}-{s}", null, g + 1, null, null, false)));
        return new OfficeDirectory(groups, schools, [], []);
    }

    private static SupervisionTables Tables(string connectionString, string prefix) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix }), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" });

    private static FormResponse Response(int i, OfficeDirectory office)
    {
        var school = office.Schools[i % office.Schools.Count];
        var answers = new List<KeyValuePair<string, string>> { new("school", school.Code), new("school-group", school.GroupNumber.ToString(CultureInfo.InvariantCulture)), new("academic-year", "2569"), new("position", "director") };
        var k = 0;
        foreach (var item in Form.Items.OfType<ScaledItem>())
        {
            answers.Add(new(item.Id, (1 + (i + k++) % 5).ToString(CultureInfo.InvariantCulture)));
        }
        answers.Add(new("suggestions", $"ข้อเสนอแนะที่ {i}: ต้องการการนิเทศเรื่องการวัดและประเมินผล"));
        return new FormResponse(Form.Id, Form.Version, $"NEE-{i:D6}", FormAnswers.From(answers), DateTimeOffset.UtcNow, $"aad-{i % 5000}");
    }

    /// <summary>The responses in Responses, and per scope the aggregate their recording would have left.</summary>
    private static async Task<SupervisionTables> SeedAsync(string connectionString, string prefix, int count, OfficeDirectory office, CancellationToken cancellationToken)
    {
        var tables = Tables(connectionString, prefix);
        await tables.EnsureCreatedAsync(cancellationToken);
        var aggregates = new Dictionary<ResponsePlace, ScopeAggregate>();
        var partition = TableKeys.Escape(Form.Id);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(2_000))
        {
            var batches = new List<TableTransactionAction>();
            foreach (var i in chunk)
            {
                var response = Response(i, office);
                var place = ResponsePlace.Of(Form, response, office);
                (aggregates.TryGetValue(place, out var row) ? row : aggregates[place] = new ScopeAggregate()).Add(Form, response);
                var entity = new TableEntity(partition, "s" + i.ToString("D7", CultureInfo.InvariantCulture))
                {
                    ["FormId"] = Form.Id, ["FormVersion"] = Form.Version, ["ReferenceNumber"] = response.ReferenceNumber,
                    ["SubmittedUtc"] = response.SubmittedUtc, ["Respondent"] = response.Respondent,
                };
                AnswersColumns.Write(entity, response.Answers);
                batches.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
            }
            await Parallel.ForEachAsync(TableBatches.Split(batches), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (batch, ct) => await tables.Responses.SubmitTransactionAsync(batch, ct));
        }
        var places = aggregates.Select(p => new PlaceAggregate(p.Key, p.Value)).ToArray();
        await TableBatches.SubmitAsync(tables.Responses, TableResponseAggregates.Rows(Form, null, places).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
        Console.WriteLine($"seeded {count:N0} responses in {clock.Elapsed.TotalSeconds:F0} s");
        return tables;
    }

    private static async Task<double> SummaryMillisecondsAsync(SupervisionTables tables, IOfficeDirectorySource source, CancellationToken cancellationToken)
    {
        var reader = new SummaryReader(new TableResponseAggregates(tables, Catalogue, source, TimeProvider.System, NullLogger<TableResponseAggregates>.Instance), Catalogue, source);
        var times = new List<double>();
        for (var run = 0; run < 35; run++)
        {
            var clock = Stopwatch.StartNew();
            var results = await reader.ReadAsync(new SummaryRequest(Form.Id, SummaryScope.Area()), null, true, Language.Thai, cancellationToken);
            SummaryCard.Build(results!, Language.Thai, null);
            if (run >= 5)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return Median(times);
    }

    /// <summary>
    /// Saving alone and with the aggregates, interleaved so both see the same machine load. The CPU
    /// each side takes in this process and in Azurite says whether the time is our code's or the
    /// storage's.
    /// </summary>
    private static async Task<SaveTimes> SaveMillisecondsAsync(Azurite azurite, IOfficeDirectorySource source, CancellationToken cancellationToken)
    {
        var tables = Tables(azurite.ConnectionString, "sumsave");
        await tables.EnsureCreatedAsync(cancellationToken);
        var queue = new PendingAnonymousResponses(tables, Options.Create(new PrivacyOptions()), TimeProvider.System);
        var aggregates = new TableResponseAggregates(tables, Catalogue, source, TimeProvider.System, NullLogger<TableResponseAggregates>.Instance);
        var alone = new TableResponseStore(tables, queue);
        var counted = new TableResponseStore(tables, queue, aggregates);
        var office = await source.CurrentAsync(cancellationToken);
        var aloneTimes = new List<double>();
        var countedTimes = new List<double>();
        var cpu = new CpuSplit(azurite);
        (double Ours, double Azurite) aloneCpu = default, countedCpu = default;
        const int Warmup = 20, Measured = 200;
        for (var i = 0; i < Warmup + Measured; i++)
        {
            var before = cpu.Now();
            var clock = Stopwatch.StartNew();
            await alone.SaveOnceAsync("alone-" + i, "aad", Response(i, office), cancellationToken);
            var a = clock.Elapsed.TotalMilliseconds;
            var between = cpu.Now();
            clock.Restart();
            await counted.SaveOnceAsync("counted-" + i, "aad", Response(i, office), cancellationToken);
            var c = clock.Elapsed.TotalMilliseconds;
            var after = cpu.Now();
            if (i >= Warmup)
            {
                aloneTimes.Add(a);
                countedTimes.Add(c);
                aloneCpu = (aloneCpu.Ours + (between.Ours - before.Ours) / Measured, aloneCpu.Azurite + (between.Azurite - before.Azurite) / Measured);
                countedCpu = (countedCpu.Ours + (after.Ours - between.Ours) / Measured, countedCpu.Azurite + (after.Azurite - between.Azurite) / Measured);
            }
        }
        return new SaveTimes(Median(aloneTimes), Median(countedTimes), aloneCpu, countedCpu);
    }

    private sealed record SaveTimes(double Alone, double WithAggregates, (double Ours, double Azurite) AloneCpu, (double Ours, double Azurite) WithAggregatesCpu);

    /// <summary>CPU milliseconds used so far by this process and by Azurite.</summary>
    private sealed class CpuSplit(Azurite azurite)
    {
        public (double Ours, double Azurite) Now()
        {
            using var self = Process.GetCurrentProcess();
            return (self.TotalProcessorTime.TotalMilliseconds, azurite.Process.CpuTime.TotalMilliseconds);
        }
    }

    private static async Task<(double Seconds, double PeakMb, int Rows)> ExportAsync(string root, string connectionString, string prefix, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"summary-bench-{Guid.NewGuid():N}.xlsx");
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = connectionString,
            ["Storage__TablePrefix"] = prefix,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        var clock = Stopwatch.StartNew();
        using var process = new ChildProcess("dotnet", [BotProcess.DllPath(root), "export", "responses", "--form", Form.Id, "--format", "xlsx", "--out", file], root, environment);
        var peakKb = 0L;
        while (!process.HasExited)
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peakKb = Math.Max(peakKb, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // exited between the check and the read
            }
            await Task.Delay(50, cancellationToken);
        }
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new HarnessException($"export exited {process.ExitCode}:\n{process.Tail}");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = int.Parse(process.Tail.Split("Exported ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        File.Delete(file);
        return (seconds, peakKb / 1024.0, rows);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed class Fixed(OfficeDirectory directory) : IOfficeDirectorySource
    {
        public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
    }
}
