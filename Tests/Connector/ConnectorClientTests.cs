using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Connector;

public sealed class ConnectorClientTests : IDisposable
{
    private const string ConversationId = "a:1qhN/x;messageid=5";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly RecordingDelay _delay = new();

    public void Dispose() => _server.Stop();

    // WireMock matches the decoded path; the escaped '/' inside the id is checked in its own test.
    private static string ActivitiesPath => "/v3/conversations/" + ConversationId + "/activities";

    private ConnectorClient Client(string? token = "tok-123", int maxAttempts = 4, HttpClient? http = null)
    {
        var options = Options.Create(new ConnectorOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(100) });
        var serviceUrls = new ServiceUrlPolicy(localMode: false, [_server.Url!]);
        return new ConnectorClient(http ?? new HttpClient(), Tokens(token), options, serviceUrls, _delay, NullLogger<ConnectorClient>.Instance);
    }

    private static IConnectorTokenProvider Tokens(string? token)
    {
        var tokens = new Mock<IConnectorTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(token);
        return tokens.Object;
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Throttled_call_waits_the_retry_after_the_service_asked_for_then_succeeds()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).InScenario("t").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2"));
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).InScenario("t").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"m1\"}"));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Success, result.Outcome);
        Assert.Equal("m1", result.Value?.Id);
        Assert.Equal([TimeSpan.FromSeconds(2)], _delay.Delays);
        Assert.Equal(2, (await _server.LoggedAsync(2)).Count);
    }

    [Fact]
    public async Task Unavailable_service_is_retried_with_backoff_then_succeeds()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).InScenario("u").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).InScenario("u").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"m2\"}"));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var wait = Assert.Single(_delay.Delays);
        Assert.InRange(wait, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Blocked_user_is_a_typed_outcome_and_is_not_retried()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(403)
                .WithBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"MessageWritesBlocked: the user blocked the bot\"}}"));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Blocked, result.Outcome);
        Assert.Equal("MessageWritesBlocked", result.ErrorCode);
        Assert.Single(await _server.LoggedAsync(1));
        Assert.Empty(_delay.Delays);
    }

    [Fact]
    public async Task Missing_conversation_is_a_typed_outcome_and_is_not_retried()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("{\"error\":{\"code\":\"ConversationNotFound\"}}"));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.NotFound, result.Outcome);
        Assert.Single(await _server.LoggedAsync(1));
    }

    [Fact]
    public async Task Accepted_with_empty_body_is_a_success()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);
        Assert.Equal(ConnectorOutcome.Success, result.Outcome);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Persistent_throttling_ends_as_throttled_after_the_last_attempt()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(429));

        var result = await Client(maxAttempts: 3).SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(3, (await _server.LoggedAsync(3)).Count);
        Assert.Equal(2, _delay.Delays.Count);
    }

    [Fact]
    public async Task Retry_after_longer_than_we_wait_in_call_comes_back_to_the_caller()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "660"));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(660), result.RetryAfter);
        Assert.Empty(_delay.Delays);
    }

    [Fact]
    public async Task Bad_request_is_not_retried()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":{\"code\":\"BadSyntax\"}}"));

        var result = await Client().SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("BadSyntax", result.ErrorCode);
        Assert.Single(await _server.LoggedAsync(1));
    }

    [Fact]
    public async Task Calls_carry_the_bearer_token_and_json_and_escape_the_conversation_id()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath + "/act:9").UsingPut())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"id\":\"act:9\"}"));

        var result = await Client().UpdateActivityAsync(_server.Url!, ConversationId, "act:9", Message("แก้ไขแล้ว"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var request = Assert.Single(await _server.LoggedAsync(1)).RequestMessage;
        Assert.Equal("Bearer tok-123", request.Headers!["Authorization"].Single());
        Assert.Contains("application/json", request.Headers["Content-Type"].Single());
        Assert.Contains("แก้ไขแล้ว", request.Body);
        Assert.Contains("a:1qhN%2Fx", request.Url);
    }

    [Fact]
    public async Task Local_mode_sends_no_authorization_header()
    {
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"1\"}"));

        await Client(token: null).SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.False(Assert.Single(await _server.LoggedAsync(1)).RequestMessage.Headers!.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Creating_a_channel_thread_returns_the_thread_conversation_and_root_message()
    {
        _server.Given(Request.Create().WithPath("/v3/conversations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"19:c@thread.tacv2;messageid=77\",\"activityId\":\"77\"}"));

        var parameters = new ConversationParameters
        {
            IsGroup = true,
            TenantId = "t1",
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:c@thread.tacv2" } },
            Activity = Message("สรุปผลการนิเทศ"),
        };
        var result = await Client().CreateConversationAsync(_server.Url!, parameters, CancellationToken.None);

        Assert.Equal("19:c@thread.tacv2;messageid=77", result.Value?.Id);
        Assert.Equal("77", result.Value?.ActivityId);
        Assert.Contains("\"channel\":{\"id\":\"19:c@thread.tacv2\"}", Assert.Single(await _server.LoggedAsync(1)).RequestMessage.Body);
    }

    [Fact]
    public async Task Paged_members_map_object_id_to_the_aad_id()
    {
        _server.Given(Request.Create().WithPath("/v3/conversations/team-1/pagedmembers").WithParam("pageSize", "50").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithBody("{\"continuationToken\":\"next\",\"members\":[{\"id\":\"29:u\",\"name\":\"ครูสมศรี\",\"objectId\":\"aad-1\"}]}"));

        var result = await Client().GetPagedMembersAsync(_server.Url!, "team-1", 10, null, CancellationToken.None);

        var member = Assert.Single(result.Value!.Members!);
        Assert.Equal("aad-1", member.AadId);
        Assert.Equal("next", result.Value.ContinuationToken);
    }

    [Fact]
    public async Task Team_channels_are_listed()
    {
        _server.Given(Request.Create().WithPath("/v3/teams/team-1/conversations").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"conversations\":[{\"id\":\"team-1\",\"name\":null},{\"id\":\"19:g2\",\"name\":\"กลุ่มโรงเรียนที่ 2\"}]}"));

        var result = await Client().GetTeamChannelsAsync(_server.Url!, "team-1", CancellationToken.None);

        Assert.Equal(["team-1", "19:g2"], result.Value!.Conversations!.Select(c => c.Id));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task A_service_url_off_the_allow_list_is_never_called(string serviceUrl)
    {
        var result = await Client().SendToConversationAsync(serviceUrl, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("serviceUrlNotAllowed", result.ErrorCode);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task A_stored_reference_to_another_loopback_port_is_not_sent_to()
    {
        using var other = WireMockServer.Start();

        var result = await Client().SendToConversationAsync(other.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal("serviceUrlNotAllowed", result.ErrorCode);
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public async Task An_attempt_that_hits_the_http_client_timeout_is_retried()
    {
        using var http = new HttpClient(new FirstAttemptHangs()) { Timeout = TimeSpan.FromMilliseconds(200) };

        var result = await Client(http: http).SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Outcome.ToString());
        Assert.Single(_delay.Delays);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_so_the_token_never_reaches_the_other_host()
    {
        using var elsewhere = WireMockServer.Start();
        elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"x\"}"));
        _server.Given(Request.Create().WithPath(ActivitiesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", elsewhere.Url + ActivitiesPath));
        // Both hosts allowed, so only the redirect handling stands between the token and the other host.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connector:AllowedServiceHosts:0"] = _server.Url,
            ["Connector:AllowedServiceHosts:1"] = elsewhere.Url,
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Tokens("tok-123"))
            .Configure<BotCredentials>(c => c.MicrosoftAppId = "app")
            .AddBotConnector(configuration)
            .BuildServiceProvider();

        var result = await services.GetRequiredService<ConnectorClient>()
            .SendToConversationAsync(_server.Url!, ConversationId, Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(307, result.StatusCode);
        Assert.Single(await _server.LoggedAsync(1));
        Assert.Empty(elsewhere.LogEntries);
    }

    /// <summary>A connector whose first answer never comes, so only HttpClient's timeout ends that attempt.</summary>
    private sealed class FirstAttemptHangs : HttpMessageHandler
    {
        private int _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"m3\"}") };
        }
    }

    private sealed class RecordingDelay : IRetryDelay
    {
        public List<TimeSpan> Delays { get; } = [];
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            Delays.Add(delay);
            return Task.CompletedTask;
        }
    }
}
