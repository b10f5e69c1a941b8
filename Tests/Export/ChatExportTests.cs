using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Export;

/// <summary>
/// ส่งออก in the personal chat through the real bot host: the card's answer brings Teams' file-consent
/// card; allowing it makes the bot write the file and PUT it to the upload URL in fragments, then show it.
/// </summary>
public sealed class ChatExportTests : IAsyncLifetime
{
    /// <summary>The smallest fragment OneDrive takes, so a few hundred kilobytes already need two.</summary>
    private const int Fragment = 327_680;

    private const int NamedResponses = 150;
    private const int AnonymousResponses = 5; // the fewest released together

    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly WireMockServer _onedrive = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent-1\"}"));
        // An upload session answers 202 to each fragment but the last, which creates the file.
        _onedrive.Given(Request.Create().WithPath("/up/*").UsingPut()).RespondWith(Response.Create().WithStatusCode(202));
        _onedrive.Given(Request.Create().WithPath("/broken/*").UsingPut()).RespondWith(Response.Create().WithStatusCode(500));
        var azurite = await Azurite.GetAsync();
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(ChatExportTests)), new Dictionary<string, string?>
        {
            ["Directory:Admins:0"] = "aad-it",
            ["Export:UploadFragmentBytes"] = Fragment.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A fresh host's first turn on a loaded machine can pass the 10 s default; deadlines are not what this tests.
            ["Messaging:TurnDeadline"] = "00:01:00",
        });

        var tables = _bot.Services.GetRequiredService<SupervisionTables>();
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        // The bot's own aggregates, so the summary read for a file counts these responses.
        var aggregates = _bot.Services.GetRequiredService<TableResponseAggregates>();
        var anonymous = new PendingAnonymousResponses(tables, Options.Create(new PrivacyOptions()), time, aggregates);
        var store = new TableResponseStore(tables, anonymous, aggregates);
        var longSuggestion = string.Concat(Enumerable.Repeat("ขอวิทยากรด้านการวัดผล ", 45));
        await Task.WhenAll(Enumerable.Range(0, NamedResponses).Select(i =>
            store.SaveOnceAsync("n" + i, "aad-dir" + i, NeedsResponse("S0001", 3, 5, longSuggestion, respondent: "aad-dir" + i) with { ReferenceNumber = "NEE-" + i }, CancellationToken.None)));
        for (var i = 0; i < AnonymousResponses; i++)
        {
            await store.SaveOnceAsync("a" + i, "aad-teacher" + i, SatisfactionResponse(4, "ดีมาก"), CancellationToken.None);
        }
        time.Advance(TimeSpan.FromHours(1));
        await anonymous.ReleaseDueAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _connector.Stop();
        _onedrive.Stop();
        _http.Dispose();
    }

    private JsonObject Activity(string conversationId, string aad, string type = "message", string conversationType = "personal") => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url + "/",
        ["locale"] = "th-TH",
        ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = "ผู้ใช้", ["aadObjectId"] = aad },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tid" },
    };

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        await _http.PostAsync(_bot.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>What the bot posted to the conversation that contains <paramref name="marker"/>, once there are <paramref name="atLeast"/>.</summary>
    private async Task<IReadOnlyList<string>> SentAsync(string conversationId, string marker, int atLeast = 1)
    {
        var calls = await _connector.LoggedAsync(e => e.RequestMessage.Path.Contains(conversationId, StringComparison.Ordinal)
            && e.RequestMessage.Body?.Contains(marker, StringComparison.Ordinal) == true, atLeast);
        return calls.Select(c => c.RequestMessage.Body!).ToList();
    }

    /// <summary>Types ส่งออก, answers the card with <paramref name="inputs"/>, and returns the consent card's accept context.</summary>
    private async Task<JsonNode> AskAsync(string conversationId, string aad, JsonObject inputs)
    {
        var command = Activity(conversationId, aad);
        command["text"] = "ส่งออก";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(command)).StatusCode);
        Assert.Single(await SentAsync(conversationId, "export.request"));

        var submit = Activity(conversationId, aad);
        inputs["verb"] = "export.request";
        submit["value"] = inputs;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(submit)).StatusCode);
        var consent = JsonNode.Parse(Assert.Single(await SentAsync(conversationId, "application/vnd.microsoft.teams.card.file.consent")))!;
        var attachment = consent["attachments"]![0]!;
        Assert.EndsWith(inputs["format"]!.GetValue<string>() == "csv" ? ".csv" : ".xlsx", (string)attachment["name"]!, StringComparison.Ordinal);
        Assert.Contains("ภาพรวมทั้งเขตพื้นที่", (string)attachment["content"]!["description"]!, StringComparison.Ordinal);
        return attachment["content"]!["acceptContext"]!.DeepClone();
    }

    private async Task<HttpResponseMessage> AnswerAsync(string conversationId, string aad, string action, JsonNode context, string uploadPath, string fileType)
    {
        var invoke = Activity(conversationId, aad, "invoke");
        invoke["name"] = "fileConsent/invoke";
        invoke["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = action,
            ["context"] = context.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/it/Documents/Applications/export." + fileType,
                ["name"] = "export." + fileType,
                ["uploadUrl"] = _onedrive.Url + uploadPath,
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = fileType,
            },
        };
        return await PostAsync(invoke);
    }

    /// <summary>The fragments PUT to one upload URL, checked to tile the file exactly, and the file they make.</summary>
    private async Task<byte[]> UploadedAsync(string uploadPath)
    {
        var puts = await _onedrive.LoggedAsync(e => e.RequestMessage.Path == uploadPath, 1);
        var file = new List<byte>();
        foreach (var (put, index) in puts.Select((p, i) => (p, i)))
        {
            var body = put.RequestMessage.BodyAsBytes ?? [];
            var range = Header(put, "Content-Range") ?? "";
            Assert.Matches(@"^bytes \d+-\d+/\d+$", range);
            var numbers = range["bytes ".Length..].Split('-', '/').Select(long.Parse).ToArray();
            Assert.Equal(file.Count, numbers[0]);
            Assert.Equal(numbers[0] + body.Length - 1, numbers[1]);
            Assert.True(index == puts.Count - 1 ? numbers[1] == numbers[2] - 1 : body.Length % Fragment == 0, range);
            Assert.Null(Header(put, "Authorization"));
            file.AddRange(body);
        }
        return [.. file];
    }

    private static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.FirstOrDefault()).FirstOrDefault();

    [Fact]
    public async Task An_admin_allows_the_file_and_gets_a_csv_put_in_fragments_then_shown_in_the_chat()
    {
        var context = await AskAsync("a:export-csv", "aad-it", new JsonObject { ["form"] = Needs.Id, ["format"] = "csv" });

        var answer = await AnswerAsync("a:export-csv", "aad-it", "accept", context, "/up/csv", "csv");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var shown = JsonNode.Parse(Assert.Single(await SentAsync("a:export-csv", "application/vnd.microsoft.teams.card.file.info")))!;
        var card = shown["attachments"]![0]!;
        Assert.Equal(("export.csv", "1150D938-8870-4044-9F2C-5BBDEBA70C9D", "csv"), ((string)card["name"]!, (string)card["content"]!["uniqueId"]!, (string)card["content"]!["fileType"]!));
        Assert.Contains($"{NamedResponses} รายการ", (string)shown["text"]!, StringComparison.Ordinal);

        var bytes = await UploadedAsync("/up/csv");
        Assert.True(bytes.Length > Fragment, $"only {bytes.Length} bytes: one fragment proves nothing about the others");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("reference,form_version,submitted_utc,campaign,school,group,respondent,", lines[0], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, NamedResponses).Select(i => "NEE-" + i).Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
    }

    [Fact]
    public async Task The_summary_comes_as_a_file_with_the_figures_its_card_shows()
    {
        var context = await AskAsync("a:export-summary", "aad-it", new JsonObject { ["form"] = Needs.Id, ["format"] = "xlsx", ["what"] = "summary" });

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync("a:export-summary", "aad-it", "accept", context, "/up/summary", "xlsx")).StatusCode);
        var shown = JsonNode.Parse(Assert.Single(await SentAsync("a:export-summary", "application/vnd.microsoft.teams.card.file.info")))!;
        Assert.Contains($"ผู้ตอบ {NamedResponses} คน", (string)shown["text"]!, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await UploadedAsync("/up/summary")), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Descendants<Text>().Select(t => t.Text).ToArray()).ToArray();
        Assert.Equal(SupervisionBot.Bot.Export.SummaryExport.Header, rows[0]);
        Assert.Equal(NamedResponses.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Single(r => r[0] == "respondents")[4]);
        // Every current-state item was rated 3 and every desired one 5.
        Assert.Equal(["3.00", "5.00"], rows.Where(r => r[0] == "overall").Select(r => r[5]));
        Assert.Contains(rows, r => r[0] == "text" && r[3].StartsWith("ขอวิทยากรด้านการวัดผล", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_forms_xlsx_has_no_identity_column_and_a_declined_or_failed_upload_is_told()
    {
        var context = await AskAsync("a:export-xlsx", "aad-it", new JsonObject { ["form"] = Satisfaction.Id, ["format"] = "xlsx" });

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync("a:export-xlsx", "aad-it", "accept", context, "/up/xlsx", "xlsx")).StatusCode);
        Assert.Single(await SentAsync("a:export-xlsx", "application/vnd.microsoft.teams.card.file.info"));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await UploadedAsync("/up/xlsx")), false))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToArray();
            Assert.Equal(AnonymousResponses + 1, rows.Length);
            Assert.DoesNotContain("respondent", rows[0].Descendants<Text>().Select(t => t.Text));
            Assert.DoesNotContain(rows.SelectMany(r => r.Descendants<Text>()), t => t.Text.StartsWith("aad-", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync("a:export-xlsx", "aad-it", "decline", context, "/up/declined", "xlsx")).StatusCode);
        Assert.Single(await SentAsync("a:export-xlsx", "ไม่ได้ส่งไฟล์"));

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync("a:export-xlsx", "aad-it", "accept", context, "/broken/1", "xlsx")).StatusCode);
        Assert.Single(await SentAsync("a:export-xlsx", "ส่งไฟล์ไม่สำเร็จ"));
        Assert.DoesNotContain(_onedrive.LogEntries, e => e.RequestMessage.Path == "/up/declined");
    }

    [Fact]
    public async Task Someone_not_allowed_is_refused_the_command_an_accept_not_theirs_and_a_group_chat()
    {
        var command = Activity("a:export-teacher", "aad-teacher");
        command["text"] = "ส่งออก";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(command)).StatusCode);
        Assert.Contains("ขออภัย", Assert.Single(await SentAsync("a:export-teacher", "ส่งออกคำตอบแบบฟอร์มเป็นไฟล์")), StringComparison.Ordinal);

        // The admin's own request, allowed by someone else (a forged invoke): refused, nothing uploaded.
        var context = await AskAsync("a:export-forged", "aad-it", new JsonObject { ["form"] = Needs.Id, ["format"] = "csv" });
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync("a:export-forged", "aad-teacher", "accept", context, "/up/forged", "csv")).StatusCode);
        Assert.Single(await SentAsync("a:export-forged", "ท่านส่งออกคำตอบนี้ไม่ได้"));
        Assert.DoesNotContain(_onedrive.LogEntries, e => e.RequestMessage.Path == "/up/forged");

        var inGroup = Activity("19:export-group@thread.v2", "aad-it", conversationType: "groupChat");
        inGroup["text"] = "<at>SupervisionBot</at> ส่งออก";
        inGroup["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" }, ["text"] = "<at>SupervisionBot</at>" });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(inGroup)).StatusCode);
        Assert.Single(await SentAsync("19:export-group@thread.v2", "แชตส่วนตัว"));
    }
}
