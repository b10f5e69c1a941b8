using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupervisionBot.Bot.CardExport;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit.Abstractions;

namespace SupervisionBot.Tests.Fuzz;

/// <summary>
/// Thousands of mutated and malformed activities through the real HTTP endpoint of a bot on the
/// suite's Azurite. Whatever arrives, the bot answers below 500, throws nothing it does not catch,
/// never apologises for an internal error, writes no half-made or unasked-for rows, and still
/// answers a normal message afterwards. Run alone with <c>dotnet test Tests --filter Category=Fuzz</c>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed partial class ActivityFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261130;
    private const int Inputs = 10_000;
    private const int Concurrency = 16;
    private const int PoolConversations = 8;
    private const string SatisfactionForm = "supervision-satisfaction";

    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent\"}"));
        var azurite = await Azurite.GetAsync();
        // Warnings and up are what the assertions read; capturing every turn's information line only slows the run.
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("fuzz"), new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _connector.Stop();
        _http.Dispose();
    }

    [GeneratedRegex("SB-[2-9A-Z]{6}")]
    private static partial Regex ErrorReference();

    [Fact]
    public async Task Malformed_and_mutated_activities_are_refused_or_ignored_cleanly()
    {
        var inputs = new FuzzInputs(Seed, _connector.Url + "/", await OpenFormsAsync());
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentBag<string>();
        var freshOutcomes = new ConcurrentDictionary<string, HttpStatusCode>();
        var badServiceUrlsAnswered = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForAsync(0, Inputs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            var input = inputs.Make(i);
            var content = new ByteArrayContent(input.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(_bot.MessagesUrl, content, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500 && !IsUnimplementedInvoke(input.Body))
            {
                serverErrors.Add($"case {i} ({input.Category}): {(int)response.StatusCode}");
            }
            if (input.Category == "service-url" && response.StatusCode != HttpStatusCode.BadRequest)
            {
                badServiceUrlsAnswered.Add($"case {i}: {(int)response.StatusCode}");
            }
            if (input.FreshConversationId is { } fresh)
            {
                freshOutcomes[fresh] = response.StatusCode;
            }
        });
        var elapsed = watch.Elapsed;
        output.WriteLine($"Fuzz: sent {Inputs} inputs (seed {Seed}, {Concurrency} at a time) in {elapsed.TotalSeconds:F1} s, {Inputs / elapsed.TotalSeconds:F0}/s");
        output.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));

        Assert.Empty(serverErrors);
        Assert.Empty(badServiceUrlsAnswered);
        var connectorBodies = (await _connector.LoggedAsync()).Select(e => e.RequestMessage.Body ?? "").ToList();
        Assert.DoesNotContain(connectorBodies, body => ErrorReference().IsMatch(body));
        var logs = _bot.Logs.Entries;
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs, e => ErrorReference().IsMatch(e.Message));
        await AssertNoPartialRecordsAsync(freshOutcomes.Where(o => o.Value == HttpStatusCode.BadRequest).Select(o => o.Key).ToHashSet());
        await AssertStillAnswersAsync(inputs);
    }

    /// <summary>
    /// Like the Bot Framework SDK, an invoke the bot has no handler for is "not implemented": a protocol
    /// answer, not a failure. Read as the bot reads a request body, which may start with a UTF-8 BOM.
    /// </summary>
    private static bool IsUnimplementedInvoke(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body.AsSpan(Encoding.UTF8.Preamble.Length) : body) is JsonObject a && (string?)a["type"] == "invoke" && a["name"]?.ToJsonString() != "\"adaptiveCard/action\"";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Opens the satisfaction form in a few chats, so tampered card presses reach real sessions.</summary>
    private async Task<IReadOnlyList<OpenForm>> OpenFormsAsync()
    {
        var form = _bot.Services.GetRequiredService<FormCatalogue>().Find(SatisfactionForm)!;
        var valid = await SampleAnswers.ValidAsync(form, _bot.Services.GetRequiredService<IPickerChoices>(), Language.English, CancellationToken.None);
        var open = new List<OpenForm>();
        for (var k = 0; k < PoolConversations; k++)
        {
            var conversation = "a:fuzz-pool-" + k;
            var start = new FuzzInputs(Seed, _connector.Url + "/", []).PlainMessage(conversation, "satisfaction");
            Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, new StringContent(start.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
            var card = (await _connector.LoggedAsync(e => e.RequestMessage.Path.Contains(conversation, StringComparison.Ordinal), 1))[^1].RequestMessage.Body!;
            var sessionId = SessionIdInCard().Match(card).Groups[1].Value;
            Assert.NotEmpty(sessionId);
            open.Add(new OpenForm(conversation, form.Id, sessionId, form.Sections.Select(s => s.Id).ToList(), valid.Values));
        }
        return open;
    }

    [GeneratedRegex("\"sessionId\":\"([0-9a-f]{32})\"")]
    private static partial Regex SessionIdInCard();

    /// <summary>
    /// Every stored response holds a complete, valid answer set; every session and reference is
    /// whole; and a chat whose only activity was refused left no row at all.
    /// </summary>
    private async Task AssertNoPartialRecordsAsync(HashSet<string> refusedChats)
    {
        var tables = _bot.Services.GetRequiredService<SupervisionTables>();
        var catalogue = _bot.Services.GetRequiredService<FormCatalogue>();
        var validator = _bot.Services.GetRequiredService<FormValidator>();
        var refusedKeys = refusedChats.Select(TableKeys.Escape).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"Chats whose only activity was refused: {refusedChats.Count}");

        var responses = 0;
        await foreach (var row in tables.Responses.QueryAsync<TableEntity>())
        {
            if (TableResponseAggregates.IsAggregateRow(row.RowKey))
            {
                continue;
            }
            responses++;
            var form = catalogue.Find(row.GetString("FormId"));
            Assert.NotNull(form);
            Assert.False(string.IsNullOrEmpty(row.GetString("ReferenceNumber")), row.RowKey);
            Assert.NotNull(row.GetDateTimeOffset("SubmittedUtc"));
            var answers = AnswersColumns.Read(row);
            var submitted = answers.Values.ToDictionary(a => a.Key, a => (string?)a.Value);
            foreach (var section in form.Sections)
            {
                var check = await validator.ValidateSectionAsync(form, section.Id, submitted, answers, Language.English);
                Assert.True(check.IsValid, $"response {row.RowKey}, section {section.Id}: {string.Join("; ", check.Errors.Select(e => e.Key + " " + e.Problem))}");
            }
        }
        var sessions = 0;
        await foreach (var row in tables.FormSessions.QueryAsync<TableEntity>())
        {
            sessions++;
            Assert.DoesNotContain(row.PartitionKey, refusedKeys);
            Assert.NotNull(catalogue.Find(row.GetString("FormId")));
            Assert.False(string.IsNullOrEmpty(row.GetString("SessionId")));
            Assert.Equal(row.PartitionKey, TableKeys.Escape(row.GetString("ConversationId")));
            AnswersColumns.Read(row);
        }
        await foreach (var row in tables.Conversations.QueryAsync<TableEntity>())
        {
            Assert.DoesNotContain(row.PartitionKey.StartsWith("c|", StringComparison.Ordinal) ? row.PartitionKey[2..] : "", refusedKeys);
            if (row.RowKey == "ref")
            {
                Assert.False(string.IsNullOrEmpty(row.GetString("ConversationId")));
                Assert.False(string.IsNullOrEmpty(row.GetString("ServiceUrl")));
            }
        }
        await foreach (var row in tables.ProcessedActivities.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            Assert.DoesNotContain(row.PartitionKey, refusedKeys);
        }
        output.WriteLine($"Stored afterwards: {responses} responses, {sessions} open sessions");
    }

    private async Task AssertStillAnswersAsync(FuzzInputs inputs)
    {
        var after = inputs.PlainMessage("a:after-fuzz", "help");

        var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(after.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.LoggedAsync(e => e.RequestMessage.Path.Contains("a:after-fuzz", StringComparison.Ordinal), 1)).RequestMessage.Body!;
        Assert.Contains("AdaptiveCard", reply);
    }
}
