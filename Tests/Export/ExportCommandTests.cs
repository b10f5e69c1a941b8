using System.Text;
using Microsoft.AspNetCore.Builder;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Export;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Export;

/// <summary>The export and summary commands against a real Azurite, as the IT admin runs them.</summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private SupervisionTables _tables = null!;
    private string _connectionString = null!;
    private string _prefix = null!;
    private readonly List<FormResponse> _needs = [];

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _connectionString = azurite.ConnectionString;
        _prefix = Azurite.NewTablePrefix(nameof(ExportCommandTests));
        _tables = ConversationReferenceStoreTests.NewTables(_connectionString, _prefix);
        await _tables.EnsureCreatedAsync(CancellationToken.None);

        var aggregates = Aggregates(_tables);
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var queue = new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), time, aggregates);
        var store = new TableResponseStore(_tables, queue, aggregates);
        var rows = new[] { ("1010", 2, "c-1", "ขอวิทยากร, \"PLC\""), ("1010", 4, null, null), ("2020", 3, "c-1", null) };
        for (var i = 0; i < rows.Length; i++)
        {
            var (school, current, campaign, suggestion) = rows[i];
            var response = NeedsResponse(school, current, 5, suggestion) with { Link = new(campaign, null) };
            response = response with { Answers = response.Answers.With("school-group", school[..1]) };
            _needs.Add(response);
            await store.SaveOnceAsync("s" + i, "aad-dir" + school, response, CancellationToken.None);
        }
        for (var i = 0; i < 5; i++)
        {
            await store.SaveOnceAsync("a" + i, "aad-teacher" + i, SatisfactionResponse(4, "ดีมาก"), CancellationToken.None);
        }
        time.Advance(TimeSpan.FromHours(1));
        await queue.ReleaseDueAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Exit, string Output, string Error)> RunAsync(Func<string[], TextWriter, TextWriter, Action<WebApplicationBuilder>, Task<int>> command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await command(args, output, error, builder =>
        {
            builder.Configuration["Storage:ConnectionString"] = _connectionString;
            builder.Configuration["Storage:TablePrefix"] = _prefix;
        });
        return (exit, output.ToString(), error.ToString());
    }

    private static Task<int> Export(string[] a, TextWriter o, TextWriter e, Action<WebApplicationBuilder> c) => ExportCommands.ExportAsync(a, o, e, c);

    private static Task<int> Summary(string[] a, TextWriter o, TextWriter e, Action<WebApplicationBuilder> c) => ExportCommands.SummaryAsync(a, o, e, c);

    [Fact]
    public async Task A_csv_export_is_utf8_with_a_bom_filtered_by_campaign_and_names_the_respondent_of_a_named_form()
    {
        var file = Path.GetTempFileName();
        var run = await RunAsync(Export, "responses", "--form", Needs.Id, "--campaign", "c-1", "--format", "csv", "--out", file);
        Assert.True(run.Exit == 0, run.Error);

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("reference,form_version,submitted_utc,campaign,school,group,respondent,school,school-group,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length); // the header and the campaign's two responses
        Assert.Contains(lines, l => l.Contains(",c-1,1010,1,aad-dir1010,", StringComparison.Ordinal) && l.Contains("\"ขอวิทยากร, \"\"PLC\"\"\"", StringComparison.Ordinal));
        Assert.Contains("Exported 2 response(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_forms_export_has_no_identity_column_and_an_xlsx_opens_with_every_row()
    {
        var file = Path.GetTempFileName();
        var run = await RunAsync(Export, "responses", "--form", Satisfaction.Id, "--format", "xlsx", "--out", file);
        Assert.True(run.Exit == 0, run.Error);

        using var document = SpreadsheetDocument.Open(file, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToArray();
        Assert.Equal(6, rows.Length);
        var header = rows[0].Descendants<Text>().Select(t => t.Text).ToArray();
        Assert.DoesNotContain("respondent", header);
        Assert.Equal("suggestions", header[^1]);
        Assert.Equal("ดีมาก", rows[1].Descendants<Text>().Last().Text);
        Assert.DoesNotContain(rows.SelectMany(r => r.Descendants<Text>()), t => t.Text.StartsWith("aad-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_by_school_and_group()
    {
        var file = Path.GetTempFileName();
        Assert.Equal(0, (await RunAsync(Export, "responses", "--form", Needs.Id, "--school", "2020", "--format", "csv", "--out", file)).Exit);
        Assert.Equal(2, (await File.ReadAllLinesAsync(file)).Length);
        Assert.Equal(0, (await RunAsync(Export, "responses", "--form", Needs.Id, "--group", "1", "--format", "csv", "--out", file)).Exit);
        Assert.Equal(3, (await File.ReadAllLinesAsync(file)).Length);
    }

    [Fact]
    public async Task A_date_range_keeps_the_responses_submitted_on_those_Bangkok_days_and_reads_BE_years()
    {
        var store = new TableResponseStore(_tables, new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), TimeProvider.System));
        // 17:00 UTC is midnight in Bangkok: the first is still the 29th there, the second already the 30th.
        var times = new[] { "2026-11-29T16:59:59Z", "2026-11-29T17:00:00Z", "2026-11-30T16:59:59Z", "2026-11-30T17:00:00Z" };
        foreach (var (time, i) in times.Select((t, i) => (t, i)))
        {
            var response = NeedsResponse("1010", 3, 5) with { SubmittedUtc = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), ReferenceNumber = "DATE-" + i, Link = new("c-dates", null) };
            await store.SaveOnceAsync("d" + i, "aad-dir1010", response, CancellationToken.None);
        }
        var file = Path.GetTempFileName();

        var run = await RunAsync(Export, "responses", "--form", Needs.Id, "--campaign", "c-dates", "--from", "2569-11-30", "--to", "2026-11-30", "--format", "csv", "--out", file);

        Assert.True(run.Exit == 0, run.Error);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(["DATE-1", "DATE-2"], lines.Skip(1).Select(l => l.Split(',')[0]).Order());
        Assert.Equal(0, (await RunAsync(Export, "responses", "--form", Needs.Id, "--campaign", "c-dates", "--from", "30/11/2569", "--format", "csv", "--out", file)).Exit);
        Assert.Equal(4, (await File.ReadAllLinesAsync(file)).Length);
        Assert.Equal(0, (await RunAsync(Export, "responses", "--form", Needs.Id, "--campaign", "c-dates", "--to", "2026-11-29", "--format", "csv", "--out", file)).Exit);
        Assert.Equal("DATE-0", (await File.ReadAllLinesAsync(file))[1].Split(',')[0]);
    }

    [Fact]
    public async Task A_bad_date_or_a_range_that_ends_before_it_starts_is_told_plainly()
    {
        var bad = await RunAsync(Export, "responses", "--form", Needs.Id, "--from", "2569-13-01", "--format", "csv", "--out", "x");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--from '2569-13-01' is not a date", bad.Error, StringComparison.Ordinal);
        var reversed = await RunAsync(Export, "responses", "--form", Needs.Id, "--from", "2026-12-01", "--to", "2569-11-30", "--format", "csv", "--out", "x");
        Assert.Equal(2, reversed.Exit);
        Assert.Contains("--from 2026-12-01 is after --to 2026-11-30", reversed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists("x"));
    }

    [Fact]
    public void The_date_range_is_asked_of_the_table_not_filtered_after_reading()
    {
        var filter = ResponseExport.QueryFilter(new ExportFilter(Needs.Id, null, null, null, new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30)));
        Assert.Equal($"PartitionKey eq '{Needs.Id}' and RowKey lt '~' and SubmittedUtc ge datetime'2026-11-29T17:00:00Z' and SubmittedUtc lt datetime'2026-11-30T17:00:00Z'", filter);
    }

    [Fact]
    public async Task The_summary_json_has_the_numbers_the_card_shows()
    {
        var run = await RunAsync(Summary, "--form", Needs.Id, "--json");
        Assert.True(run.Exit == 0, run.Error);

        var expected = new ScopeAggregate();
        _needs.ForEach(r => expected.Add(Needs, r));
        var results = FormResults.Build(Needs, expected, new("ภาพรวมทั้งเขตพื้นที่", "The whole area"), null, true, [], Language.Thai);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(3, (int)json["respondents"]!);
        var table = json["tables"]![0]!;
        var first = table["rows"]![0]!;
        var row = results.Tables[0].Rows[0];
        Assert.Equal((row.N, row.Mean, row.StandardDeviation, row.Level), ((long)first["n"]!, (string)first["mean"]!, (string)first["sd"]!, (string?)first["band"]));
        Assert.Equal(results.Tables[0].Overall.Mean, (string)table["overall"]!["mean"]!);
        Assert.Equal("3.00", (string)table["overall"]!["mean"]!); // (2 + 4 + 3) / 3 on every current-state item
        Assert.Equal(results.TopNeeds[0].Value, (string)json["topNeeds"]![0]!["value"]!);
    }

    [Fact]
    public async Task The_summary_as_csv_or_xlsx_has_the_same_numbers_as_its_json_one_row_per_figure()
    {
        var json = JsonNode.Parse((await RunAsync(Summary, "--form", Needs.Id, "--json")).Output)!;
        var csv = Path.GetTempFileName();
        var run = await RunAsync(Summary, "--form", Needs.Id, "--format", "csv", "--out", csv);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("summary of 3 respondent(s)", run.Output, StringComparison.Ordinal);

        var bytes = await File.ReadAllBytesAsync(csv);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = SupervisionBot.Dialogs.AreaDirectory.CsvRows.Parse(Encoding.UTF8.GetString(bytes[3..])).Select(r => r.Fields.ToArray()).ToList();
        Assert.Equal(SummaryExport.Header, rows[0]);
        Assert.Equal("3", rows.Single(r => r[0] == "respondents")[4]);
        var table = json["tables"]![0]!;
        var overall = rows.First(r => r[0] == "overall");
        Assert.Equal(((string)table["title"]!, (string)table["overall"]!["mean"]!, (string)table["overall"]!["sd"]!), (overall[1], overall[5], overall[6]));
        var firstItem = rows.First(r => r[0] == "item");
        Assert.Equal(((string)table["rows"]![0]!["label"]!, (long)table["rows"]![0]!["n"]!), (firstItem[3], long.Parse(firstItem[4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((string)json["topNeeds"]![0]!["value"]!, rows.First(r => r[0] == "need")[5]);
        Assert.Equal(json["breakdown"]!.AsArray().Select(line => (string)line!["label"]!), rows.Where(r => r[0] == "breakdown").Select(r => r[3]));
        Assert.Equal(2, rows.Count(r => r[0] == "breakdown"));
        Assert.Contains(rows, r => r[0] == "text" && r[3] == "ขอวิทยากร, \"PLC\"");

        var xlsx = Path.GetTempFileName();
        Assert.Equal(0, (await RunAsync(Summary, "--form", Needs.Id, "--format", "xlsx", "--out", xlsx)).Exit);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var sheetRows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Descendants<Text>().Select(t => t.Text).ToArray()).ToArray();
        Assert.Equal(rows.Count, sheetRows.Length);
        Assert.Equal(overall, sheetRows.First(r => r[0] == "overall"));
    }

    [Fact]
    public async Task Wrong_usage_and_unknown_forms_are_told_plainly()
    {
        Assert.Equal(2, (await RunAsync(Export, "responses", "--form", Needs.Id, "--format", "pdf", "--out", "x")).Exit);
        Assert.Equal(2, (await RunAsync(Summary, "--form", Needs.Id)).Exit);
        Assert.Equal(2, (await RunAsync(Summary, "--form", Needs.Id, "--json", "--format", "csv", "--out", "x")).Exit);
        Assert.Equal(2, (await RunAsync(Summary, "--form", Needs.Id, "--format", "csv")).Exit);
        var unknown = await RunAsync(Summary, "--form", "no-such-form", "--json");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("No form 'no-such-form'", unknown.Error, StringComparison.Ordinal);
    }
}
