using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Messaging;

/// <summary>
/// A turn cannot outlive Messaging:TurnDeadline or its caller: here the connector throttles with a Retry-After
/// (25 s) the client would otherwise wait out in full, well inside Connector:MaxRetryAfter.
/// </summary>
public sealed class TurnDeadlineTests : IAsyncLifetime
{
    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "25"));
        var azurite = await Azurite.GetAsync();
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("deadline"),
            new Dictionary<string, string?> { ["Messaging:TurnDeadline"] = "00:00:03" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _connector.Stop();
        _http.Dispose();
    }

    private StringContent Message(string conversationId) => new(new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url + "/",
        ["text"] = "help",
        ["from"] = new JsonObject { ["id"] = "29:u", ["aadObjectId"] = "aad-u" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
    }.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_turn_waiting_on_a_throttled_connector_ends_at_its_deadline()
    {
        var clock = Stopwatch.StartNew();

        var response = await _http.PostAsync(_bot.MessagesUrl, Message("a:deadline"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        Assert.Contains(_bot.Logs.Entries, e => e.Message.StartsWith("Turn message in personal", StringComparison.Ordinal) && e.Message.EndsWith("TimedOut", StringComparison.Ordinal));
        // Only the first attempt went out; the 25 s wait for the second was cut short.
        Assert.Single(await _connector.LoggedAsync(1));
    }

    [Fact]
    public async Task A_turn_whose_caller_hangs_up_is_cancelled()
    {
        using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.PostAsync(_bot.MessagesUrl, Message("a:hangup"), hangUp.Token));

        var ended = Stopwatch.StartNew();
        while (!_bot.Logs.Entries.Any(e => e.Message.EndsWith("Aborted", StringComparison.Ordinal)) && ended.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50);
        }
        // Before the 3 s deadline: the hang-up, not the deadline, ended it.
        Assert.Contains(_bot.Logs.Entries, e => e.Message.StartsWith("Turn message in personal", StringComparison.Ordinal) && e.Message.EndsWith("Aborted", StringComparison.Ordinal));
    }
}
