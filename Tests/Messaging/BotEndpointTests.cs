using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Messaging;

/// <summary>The real bot host over HTTP, with a real Azurite and WireMock standing in for the Bot Connector.</summary>
public sealed class BotEndpointTests : IAsyncLifetime
{
    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent-1\"}"));
        var azurite = await Azurite.GetAsync();
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(BotEndpointTests)));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _connector.Stop();
        _http.Dispose();
    }

    private JsonObject Activity(string type, string conversationId, string? id = null, string conversationType = "personal", string locale = "th-TH") => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url + "/",
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:teacher", ["name"] = "ครูสมศรี", ["aadObjectId"] = "aad-teacher" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = "tid" },
    };

    private async Task<HttpResponseMessage> PostAsync(JsonNode activity) =>
        await _http.PostAsync(_bot.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    private Task<IReadOnlyList<WireMock.Logging.ILogEntry>> ConnectorCallsAsync(string conversationId, int expected) =>
        _connector.LoggedAsync(e => e.RequestMessage.Path.Contains(conversationId, StringComparison.Ordinal), expected);

    [Fact]
    public async Task First_message_is_greeted_with_the_welcome_card_in_thai()
    {
        var message = Activity("message", "a:welcome-th");
        message["text"] = "สวัสดีครับ";

        var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Assert.Single(await ConnectorCallsAsync("a:welcome-th", 1)).RequestMessage.Body!;
        Assert.Contains("application/vnd.microsoft.card.adaptive", body);
        Assert.Contains("ยินดีต้อนรับ", body);
        Assert.Contains("ช่วยเหลือ", body);
    }

    [Fact]
    public async Task Help_shows_the_guide_again_and_other_text_gets_a_friendly_hint()
    {
        var install = Activity("installationUpdate", "a:help");
        install["action"] = "add";
        await PostAsync(install);
        var help = Activity("message", "a:help", locale: "en-US");
        help["text"] = "  HELP ";
        await PostAsync(help);
        var other = Activity("message", "a:help", locale: "en-US");
        other["text"] = "what is the weather";
        await PostAsync(other);

        var bodies = (await ConnectorCallsAsync("a:help", 3)).Select(c => c.RequestMessage.Body!).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.Contains("ยินดีต้อนรับ", bodies[0]);
        Assert.Contains("Welcome to SupervisionBot", bodies[1]);
        Assert.Contains("Type help", bodies[2]);
    }

    [Fact]
    public async Task Install_events_repeated_by_teams_greet_only_once()
    {
        for (var i = 0; i < 3; i++)
        {
            var install = Activity("installationUpdate", "a:install");
            install["action"] = "add";
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(install)).StatusCode);
            var update = Activity("conversationUpdate", "a:install");
            update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" });
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(update)).StatusCode);
        }

        Assert.Single(await ConnectorCallsAsync("a:install", 1));
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_processed_once()
    {
        var first = Activity("message", "a:dup");
        first["text"] = "help";
        await PostAsync(first);
        var again = Activity("message", "a:dup", id: "same-id");
        again["text"] = "help";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again)).StatusCode);

        Assert.Equal(2, (await ConnectorCallsAsync("a:dup", 2)).Count);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("somethingTeamsInventsIn2027")]
    public async Task Activities_that_need_no_answer_get_200_and_nothing_is_sent(string type)
    {
        var activity = Activity(type, "a:quiet-" + type);
        activity["name"] = "application/vnd.microsoft.meetingStart";
        activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        activity["brandNew"] = new JsonObject { ["x"] = 1 };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
        Assert.Empty(await ConnectorCallsAsync("a:quiet-" + type, 0));
    }

    [Fact]
    public async Task Card_action_invoke_is_answered_in_the_response_body_with_the_card()
    {
        var invoke = Activity("invoke", "a:invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "help", ["data"] = new JsonObject() },
            ["trigger"] = "manual",
        };

        var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
    }

    [Fact]
    public async Task Unknown_invoke_is_not_implemented()
    {
        var invoke = Activity("invoke", "a:task");
        invoke["name"] = "task/fetch";

        Assert.Equal(HttpStatusCode.NotImplemented, (await PostAsync(invoke)).StatusCode);
    }

    [Fact]
    public async Task Submit_updates_the_card_it_came_from()
    {
        var submit = Activity("message", "a:submit");
        submit["replyToId"] = "card-msg-7";
        submit["value"] = new JsonObject { ["verb"] = "help" };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(submit)).StatusCode);

        var update = Assert.Single(await ConnectorCallsAsync("a:submit", 1), c => c.RequestMessage.Method == "PUT");
        Assert.EndsWith("/activities/card-msg-7", update.RequestMessage.Path);
        Assert.Contains("AdaptiveCard", update.RequestMessage.Body);
    }

    [Fact]
    public async Task Channel_message_mentioning_the_bot_is_answered_in_its_thread_without_the_mention()
    {
        var thread = "19:grp@thread.tacv2;messageid=555";
        var message = Activity("message", thread, id: "555", conversationType: "channel", locale: "en-US");
        message["text"] = "<at>SupervisionBot</at> what?";
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
            ["text"] = "<at>SupervisionBot</at>",
        });
        message["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = "19:grp@thread.tacv2" },
            ["tenant"] = new JsonObject { ["id"] = "tid" },
        };

        await PostAsync(message);

        var reply = Assert.Single(await ConnectorCallsAsync(thread, 1)).RequestMessage;
        Assert.EndsWith("/activities/555", reply.Path);
    }

    [Fact]
    public async Task A_form_asked_for_in_a_channel_opens_in_a_new_personal_chat_and_the_channel_only_gets_a_pointer()
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"a:new-personal-chat\"}"));
        var thread = "19:grp3@thread.tacv2;messageid=777";
        var message = Activity("message", thread, id: "777", conversationType: "channel");
        message["text"] = "<at>SupervisionBot</at> ประเมิน";
        message["from"] = new JsonObject { ["id"] = "29:stranger", ["name"] = "ครูมาลี", ["aadObjectId"] = "aad-never-chatted" };
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
            ["text"] = "<at>SupervisionBot</at>",
        });
        message["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tid" }, ["channel"] = new JsonObject { ["id"] = "19:grp3@thread.tacv2" } };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(message)).StatusCode);

        var create = Assert.Single(await _connector.LoggedAsync(e => e.RequestMessage.Path == "/v3/conversations", 1)).RequestMessage.Body!;
        Assert.Contains("\"id\":\"29:stranger\"", create);
        Assert.Contains("\"tenantId\":\"tid\"", create);
        var form = Assert.Single(await ConnectorCallsAsync("a:new-personal-chat", 1)).RequestMessage.Body!;
        Assert.Contains("แบบประเมินความพึงพอใจ", form);
        var pointer = Assert.Single(await ConnectorCallsAsync(thread, 1)).RequestMessage.Body!;
        Assert.Contains("แชตส่วนตัว", pointer);
        Assert.DoesNotContain("AdaptiveCard", pointer);
    }

    [Fact]
    public async Task On_a_client_without_universal_actions_the_submit_fallback_fills_the_form_and_updates_the_card_in_place()
    {
        var start = Activity("message", "a:old-client", locale: "en-US");
        start["text"] = "satisfaction";
        await PostAsync(start);
        var firstPage = JsonNode.Parse((await ConnectorCallsAsync("a:old-client", 1))[^1].RequestMessage.Body!)!["attachments"]![0]!["content"]!;

        // What an old client posts for our "Next" button: the Action.Execute's fallback Action.Submit data plus the inputs.
        var fallback = FallbackSubmitData(firstPage, "form.next");
        fallback["position"] = "teacher";
        var submit = Activity("message", "a:old-client", locale: "en-US");
        submit["replyToId"] = "first-page-message";
        submit["value"] = fallback;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(submit)).StatusCode);

        var update = Assert.Single(await ConnectorCallsAsync("a:old-client", 2), c => c.RequestMessage.Method == "PUT").RequestMessage;
        Assert.EndsWith("/activities/first-page-message", update.Path);
        Assert.Contains("Section 2 of 5", update.Body);
    }

    private static JsonObject FallbackSubmitData(JsonNode card, string verb)
    {
        static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
        {
            JsonObject o => new[] { o }.Concat(o.SelectMany(p => Walk(p.Value))),
            JsonArray a => a.SelectMany(Walk),
            _ => [],
        };
        var execute = Walk(card).First(n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb);
        var fallback = execute["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        return fallback["data"]!.DeepClone().AsObject();
    }

    [Fact]
    public async Task Channel_chatter_not_addressed_to_the_bot_is_left_alone()
    {
        var message = Activity("message", "19:grp2@thread.tacv2;messageid=9", conversationType: "channel");
        message["text"] = "ประชุมบ่ายนี้นะครับ";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(message)).StatusCode);
        Assert.Empty(await ConnectorCallsAsync("19:grp2@thread.tacv2", 0));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("[]")]
    public async Task Unreadable_requests_are_a_bad_request_not_a_server_error(string body)
    {
        var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_storage_reachable()
    {
        var response = await _http.GetAsync(_bot.BaseUrl + "/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"storage\":\"reachable\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_turn_writes_one_structured_log_line_without_the_message_text()
    {
        var message = Activity("message", "a:log");
        message["text"] = "ข้อความลับของครู";

        await PostAsync(message);

        var line = Assert.Single(_bot.Logs.Entries, e => e.Message.StartsWith("Turn message in personal", StringComparison.Ordinal));
        Assert.Contains("Handled", line.Message);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Message.Contains("ข้อความลับ", StringComparison.Ordinal));
    }
}
