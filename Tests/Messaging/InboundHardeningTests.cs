using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SupervisionBot.Tests.Messaging;

/// <summary>What an outsider (or a careless client) can no longer make the real bot do.</summary>
public sealed class InboundHardeningTests(InboundHardeningFixture bots) : IClassFixture<InboundHardeningFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private JsonObject Message(string conversationId, string? serviceUrl = null, string tenantId = InboundHardeningFixture.Tenant) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl ?? bots.ServiceUrl,
        ["locale"] = "th-TH",
        ["text"] = "help",
        ["from"] = new JsonObject { ["id"] = "29:u", ["aadObjectId"] = "aad-u" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
    };

    private string Token(string serviceUrl) => bots.Authority.CreateToken(InboundHardeningFixture.AppId, serviceUrl);

    private Task<HttpResponseMessage> PostAsync(RunningBot bot, JsonNode body, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        configure?.Invoke(request);
        return _http.SendAsync(request);
    }

    private Task<IReadOnlyList<WireMock.Logging.ILogEntry>> ConnectorCallsAsync(string conversationId, int atLeast = 0) =>
        bots.Connector.LoggedAsync(e => e.RequestMessage.Path.Contains(conversationId, StringComparison.Ordinal), atLeast);

    [Fact]
    public async Task A_genuine_activity_from_our_tenant_on_an_allowed_host_is_answered()
    {
        var response = await PostAsync(bots.Production, Message("a:hard-ok"), Token(bots.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer outbound-token", Assert.Single(await ConnectorCallsAsync("a:hard-ok", 1)).RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task A_signed_activity_naming_a_service_url_off_the_allow_list_is_refused_and_nothing_is_stored()
    {
        const string elsewhere = "https://collector.evil.example/";
        var before = await bots.StoredEntitiesAsync(bots.ProductionPrefix);

        // The token's serviceurl claim agrees with the activity: only the allow-list stands in the way.
        var response = await PostAsync(bots.Production, Message("a:hard-elsewhere", elsewhere), Token(elsewhere));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await bots.StoredEntitiesAsync(bots.ProductionPrefix));
        Assert.Empty(await ConnectorCallsAsync("a:hard-elsewhere"));
    }

    [Theory]
    [InlineData("tenant-theirs", null)]
    [InlineData(InboundHardeningFixture.Tenant, "tenant-theirs")]
    public async Task An_activity_from_another_tenant_is_refused_and_leaves_nothing_stored(string conversationTenant, string? channelDataTenant)
    {
        var conversationId = "a:hard-tenant-" + Guid.NewGuid().ToString("N")[..6];
        var message = Message(conversationId, tenantId: conversationTenant);
        if (channelDataTenant is not null)
        {
            message["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = channelDataTenant } };
        }
        var before = await bots.StoredEntitiesAsync(bots.ProductionPrefix);

        var first = await PostAsync(bots.Production, message, Token(bots.ServiceUrl));
        // The same activity again would be a duplicate had the first left its dedupe claim behind.
        var again = await PostAsync(bots.Production, message, Token(bots.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal(before, await bots.StoredEntitiesAsync(bots.ProductionPrefix));
        Assert.Empty(await ConnectorCallsAsync(conversationId));
    }

    [Fact]
    public async Task Without_an_authorization_header_the_body_is_never_read()
    {
        using var body = new NeverEndingBody();
        var request = new HttpRequestMessage(HttpMethod.Post, bots.Production.MessagesUrl) { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // The client sends the body only once the server asks for it by starting to read.
        request.Headers.ExpectContinue = true;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await _http.SendAsync(request, giveUp.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_megabyte_is_refused_with_413_with_or_without_a_content_length(bool chunked)
    {
        var text = new string('ก', 600_000); // 1.8 MB of UTF-8
        var message = Message("a:hard-big");
        message["text"] = text;
        var before = await bots.StoredEntitiesAsync(bots.LocalPrefix);

        var response = await PostAsync(bots.Local, message, configure: r => r.Headers.TransferEncodingChunked = chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await bots.StoredEntitiesAsync(bots.LocalPrefix));
    }

    [Fact]
    public async Task A_rejection_is_logged_once_with_what_the_caller_sent_shortened()
    {
        var issuer = "https://issuer.example/" + new string('x', 20_000) + "\nForged: admin logged in";
        var token = bots.Authority.CreateToken(InboundHardeningFixture.AppId, bots.ServiceUrl, new TokenSpec { Issuer = issuer });
        var logsBefore = bots.Production.Logs.Entries.Count;

        var response = await PostAsync(bots.Production, Message("a:hard-log"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var lines = bots.Production.Logs.Entries.Skip(logsBefore).Where(e => e.Level >= LogLevel.Information && e.Message.Contains("issuer.example", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("Rejected with 401", line.Message);
        Assert.True(line.Message.Length < 600, line.Message);
        Assert.DoesNotContain("\n", line.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("/v3/relative")]
    [InlineData("javascript:alert(1)")]
    public async Task A_service_url_that_is_not_an_absolute_http_url_is_a_clean_400(string serviceUrl)
    {
        var conversationId = "a:hard-scheme-" + Guid.NewGuid().ToString("N")[..6];
        var before = await bots.StoredEntitiesAsync(bots.LocalPrefix);

        var response = await PostAsync(bots.Local, Message(conversationId, serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await bots.StoredEntitiesAsync(bots.LocalPrefix));
        Assert.DoesNotContain(bots.Local.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    public async Task Local_mode_refuses_requests_that_came_through_a_proxy(string header, string value)
    {
        var response = await PostAsync(bots.Local, Message("a:hard-proxy"), configure: r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ConnectorCallsAsync("a:hard-proxy"));
    }

    [Fact]
    public async Task A_card_update_the_connector_refuses_is_logged()
    {
        bots.Connector.Given(Request.Create().WithPath("/v3/conversations/a:hard-gone/activities/card-gone").UsingPut()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("{\"error\":{\"code\":\"ActivityNotFound\"}}"));
        var submit = Message("a:hard-gone");
        submit.Remove("text");
        submit["replyToId"] = "card-gone";
        submit["value"] = new JsonObject { ["verb"] = "help" };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bots.Local, submit)).StatusCode);

        Assert.Contains(bots.Local.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not delivered: NotFound 404", StringComparison.Ordinal));
    }

    /// <summary>A request body that sends a little and then nothing, forever.</summary>
    private sealed class NeverEndingBody : Stream
    {
        private bool _started;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_started)
            {
                _started = true;
                buffer.Span[0] = (byte)'{';
                return 1;
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
