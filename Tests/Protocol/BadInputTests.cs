using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Protocol;

/// <summary>
/// Inputs a fuzzer found that once ended in the apology card: each is now refused (400) or ignored
/// (200) with a log line, and nothing is stored for it.
/// </summary>
public sealed class BadInputTests(BadInputTests.BotUnderTest fixture) : IClassFixture<BadInputTests.BotUnderTest>
{
    private readonly WireMockServer _connector = fixture.Connector;
    private readonly RunningBot _bot = fixture.Bot;
    private readonly HttpClient _http = fixture.Http;

    /// <summary>One bot for the class: every case must leave it clean, so sharing also checks they do not add up.</summary>
    public sealed class BotUnderTest : IAsyncLifetime
    {
        public WireMockServer Connector { get; } = WireMockServer.Start();
        public HttpClient Http { get; } = new();
        public RunningBot Bot { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
                .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent-1\"}"));
            var azurite = await Azurite.GetAsync();
            Bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(BadInputTests)));
        }

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            Connector.Stop();
            Http.Dispose();
        }
    }

    private JsonObject Message(string conversationId, string text = "help") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url + "/",
        ["locale"] = "en-US",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:teacher", ["name"] = "ครูสมศรี", ["aadObjectId"] = "aad-teacher" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tid" },
    };

    private async Task<HttpResponseMessage> PostAsync(string json) =>
        await _http.PostAsync(_bot.MessagesUrl, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>No 5xx, no apology sent, no turn failure logged.</summary>
    private async Task AssertCleanAsync(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode < 500, $"status {(int)response.StatusCode}");
        var sent = await _connector.LoggedAsync();
        Assert.DoesNotContain(sent, e => e.RequestMessage.Body?.Contains("SB-", StringComparison.Ordinal) == true);
        var errors = _bot.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_mention_entity_with_empty_text_does_not_fail_the_turn()
    {
        var message = Message("a:empty-mention");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
            ["text"] = "",
        });

        await AssertCleanAsync(await PostAsync(message.ToJsonString()));
    }

    [Fact]
    public async Task Duplicate_keys_in_a_card_value_are_refused()
    {
        var message = Message("a:dup-keys");
        message["value"] = "VALUE";
        var json = message.ToJsonString().Replace("\"VALUE\"", "{\"verb\":\"help\",\"verb\":\"form.submit\"}", StringComparison.Ordinal);

        var response = await PostAsync(json);

        await AssertCleanAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_refused_even_where_the_json_reader_would_keep_it_raw_and_a_bom_is_allowed()
    {
        // A byte that is not UTF-8 inside an unknown property's name: the JSON reader keeps such names raw, so only the body's own check refuses it.
        var json = Encoding.UTF8.GetBytes(Message("a:not-utf8").ToJsonString().Replace("\"channelId\"", "\"cXannelId\":\"x\",\"channelId\"", StringComparison.Ordinal));
        json[Array.IndexOf(json, (byte)'X')] = 0x8D;

        var refused = await _http.PostAsync(_bot.MessagesUrl, new ByteArrayContent(json) { Headers = { ContentType = new("application/json") } });

        await AssertCleanAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var withBom = await _http.PostAsync(_bot.MessagesUrl, new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Message("a:bom").ToJsonString())]) { Headers = { ContentType = new("application/json") } });
        await AssertCleanAsync(withBom);
        Assert.Equal(HttpStatusCode.OK, withBom.StatusCode);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_string_is_refused()
    {
        var message = Message("a:surrogate");
        message["value"] = new JsonObject { ["verb"] = "help", ["position"] = "SURROGATE" };
        var json = message.ToJsonString().Replace("SURROGATE", "teacher \\ud800", StringComparison.Ordinal);

        var response = await PostAsync(json);

        await AssertCleanAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("from")]
    [InlineData("conversation")]
    [InlineData("recipient")]
    public async Task An_activity_without_its_parties_is_refused(string missing)
    {
        var message = Message("a:missing-" + missing);
        message.Remove(missing);

        var response = await PostAsync(message.ToJsonString());

        await AssertCleanAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_conversation_type_is_not_treated_as_a_personal_chat()
    {
        var message = Message("19:odd@thread.v2");
        message["conversation"]!["conversationType"] = "broadcast";

        var response = await PostAsync(message.ToJsonString());

        await AssertCleanAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _connector.LoggedAsync(e => e.RequestMessage.Path.Contains("odd", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(2000, "a:")]
    [InlineData(0, "a:ctrl\u0001id")]
    public async Task A_conversation_id_table_storage_cannot_hold_is_refused(int length, string prefix)
    {
        var message = Message(prefix + new string('x', length));

        var response = await PostAsync(message.ToJsonString());

        await AssertCleanAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_card_action_invoke_without_an_action_is_refused_not_left_unimplemented()
    {
        var invoke = Message("a:no-action");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = "form.submit" };

        var response = await PostAsync(invoke.ToJsonString());

        await AssertCleanAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Null_entries_in_entity_and_member_lists_are_skipped()
    {
        var message = Message("a:null-entities");
        message["entities"] = new JsonArray(null, new JsonObject { ["type"] = "clientInfo", ["locale"] = "th-TH" });
        var update = Message("a:null-members");
        update["type"] = "conversationUpdate";
        update["membersAdded"] = new JsonArray(null, new JsonObject { ["id"] = "28:bot" });

        await AssertCleanAsync(await PostAsync(message.ToJsonString()));
        await AssertCleanAsync(await PostAsync(update.ToJsonString()));
    }
}
