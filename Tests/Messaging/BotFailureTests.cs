using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Messaging;

/// <summary>What Teams and the user see when things go wrong, and the bot with authentication on.</summary>
public sealed class BotFailureTests : IDisposable
{
    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly HttpClient _http = new();

    public BotFailureTests() =>
        _connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent\"}"));

    public void Dispose()
    {
        _connector.Stop();
        _http.Dispose();
    }

    private static JsonObject Message(string conversationId, string text, string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = "th-TH",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:u", ["aadObjectId"] = "aad-u" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
    };

    private Task<HttpResponseMessage> PostAsync(string url, JsonNode body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task When_storage_is_down_the_user_gets_an_apology_with_a_reference_that_is_in_the_log_and_teams_gets_200()
    {
        var deadStorage = SupervisionBot.Bot.Storage.StorageOptions.Azurite(tablePort: Ports.Free(), queuePort: Ports.Free());
        await using var bot = await RunningBot.StartAsync(deadStorage, "dead", storageIsUp: false);

        var response = await PostAsync(bot.MessagesUrl, Message("a:down", "help", _connector.Url + "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(await _connector.LoggedAsync(1)).RequestMessage.Body!;
        Assert.Contains("ขออภัย", apology);
        var reference = System.Text.RegularExpressions.Regex.Match(apology, "SB-[2-9A-Z]{6}").Value;
        Assert.NotEmpty(reference);
        Assert.DoesNotContain("Exception", apology);
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains(reference, StringComparison.Ordinal));

        var health = await _http.GetAsync(bot.BaseUrl + "/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task With_credentials_configured_only_connector_signed_requests_are_processed()
    {
        using var authority = LocalTokenAuthority.Start();
        var azurite = await Azurite.GetAsync();
        const string appId = "9f7c4b1e-2d3a-4c5b-8e6f-0a1b2c3d4e5f";
        var tokenServer = WireMockServer.Start();
        tokenServer.Given(Request.Create().WithPath("/tenant-1/oauth2/v2.0/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"outbound-token\"}"));
        var settings = new Dictionary<string, string?>(authority.ConfigurationValues)
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "test-only-secret",
            ["MicrosoftAppTenantId"] = "tenant-1",
            ["BotAuth:TokenAuthority"] = tokenServer.Url,
            ["Connector:AllowedServiceHosts:0"] = _connector.Url,
        };
        await using var bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("auth"), settings, environment: "Production");
        var serviceUrl = _connector.Url + "/";

        var anonymous = await PostAsync(bot.MessagesUrl, Message("a:auth-1", "help", serviceUrl));
        var forged = await PostAsync(bot.MessagesUrl, Message("a:auth-2", "help", serviceUrl), authority.CreateToken("someone-else", serviceUrl));
        var wrongServiceUrl = await PostAsync(bot.MessagesUrl, Message("a:auth-3", "help", serviceUrl), authority.CreateToken(appId, "https://evil.example/"));
        var genuine = await PostAsync(bot.MessagesUrl, Message("a:auth-4", "help", serviceUrl), authority.CreateToken(appId, serviceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongServiceUrl.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        var reply = Assert.Single(await _connector.LoggedAsync(1)).RequestMessage;
        Assert.Contains("a:auth-4", reply.Path);
        Assert.Equal("Bearer outbound-token", reply.Headers!["Authorization"].Single());
        tokenServer.Stop();
    }

    [Fact]
    public async Task Production_without_credentials_refuses_to_start()
    {
        var azurite = await Azurite.GetAsync();

        var failure = await Record.ExceptionAsync(() => RunningBot.StartAsync(azurite.ConnectionString, "prod", environment: "Production"));

        Assert.NotNull(failure);
        Assert.Contains("MicrosoftAppId", failure.ToString());
    }
}
