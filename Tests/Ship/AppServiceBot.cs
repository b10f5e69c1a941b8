using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Telemetry;
using SupervisionBot.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Ship;

/// <summary>
/// The built bot run as its own process the way App Service runs it: Production, the app settings
/// infra/ sets (managed-identity bot, Storage__TableEndpoint, AZURE_CLIENT_ID, the Application
/// Insights connection string) and App Service's managed-identity endpoint variables. One loopback
/// WireMock plays the identity endpoint, the Bot Framework metadata and Application Insights
/// ingestion; storage is a closed loopback port, so nothing leaves the machine. The bot is asked
/// for /healthz and sent one unauthenticated activity, then stopped with SIGTERM, which flushes telemetry.
/// </summary>
public sealed class AppServiceBot : IAsyncLifetime
{
    public const string IdentityClientId = "3c9f6a1e-8d2b-4f7a-b5e0-91d4c2a7e6b8";
    public const string IdentityHeader = "app-service-identity-header";

    public WireMockServer Azure { get; } = WireMockServer.Start();
    public HttpStatusCode HealthStatus { get; private set; }
    public string HealthBody { get; private set; } = "";
    public HttpStatusCode UnauthenticatedStatus { get; private set; }
    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";
    public IReadOnlyList<ILogEntry> Requests { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        Azure.Given(Request.Create().WithPath("/msi/token").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                $$"""{"access_token":"fake-storage-token","expires_on":"{{expiresOn}}","resource":"https://storage.azure.com","token_type":"Bearer","client_id":"{{IdentityClientId}}"}"""));
        Azure.Given(Request.Create().WithPath("/v2.1/track").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"itemsReceived":0,"itemsAccepted":0,"errors":[]}"""));

        var port = Ports.Free();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = IdentityClientId,
            ["MicrosoftAppTenantId"] = "0f4a8c2e-5b1d-4e3f-9a7c-6d2b8e1f0a5c",
            [AppCredential.ClientIdKey] = IdentityClientId,
            ["Storage__TableEndpoint"] = $"https://127.0.0.1:{Ports.Free()}/devstoreaccount1",
            ["Outbox__QueueEndpoint"] = $"https://127.0.0.1:{Ports.Free()}/devstoreaccount1",
            [BotTelemetry.ConnectionStringKey] =
                $"InstrumentationKey=5a8e1f3c-2b7d-4c9a-8e6f-1d0b3a7c5e92;IngestionEndpoint={Azure.Url}/;LiveEndpoint={Azure.Url}/",
            // What App Service gives a site with a managed identity (and its name, which tells
            // Azure.Identity and the telemetry resource detectors that they are on App Service).
            ["IDENTITY_ENDPOINT"] = $"{Azure.Url}/msi/token",
            ["IDENTITY_HEADER"] = IdentityHeader,
            ["WEBSITE_SITE_NAME"] = "sesao1-supervision-bot",
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            ["BotAuth__OpenIdMetadataUrl"] = $"{Azure.Url}/botframework/openidconfiguration",
            ["BotAuth__TokenAuthority"] = Azure.Url!,
        };
        var output = Path.GetDirectoryName(typeof(AppServiceBot).Assembly.Location)!;
        using var bot = new ChildProcess("dotnet", [Path.Combine(output, "SupervisionBot.Bot.dll")], output, environment);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        await WaitForHealthAsync(http, bot);
        // Asked again once the bot is up: the request that found it up can race its telemetry's start
        // (a CI run once exported every item but that first /healthz).
        var health = await http.GetAsync("/healthz");
        HealthStatus = health.StatusCode;
        HealthBody = await health.Content.ReadAsStringAsync();
        using var activity = new StringContent(
            """{"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/apac/","from":{"id":"29:x"},"conversation":{"id":"a:1","conversationType":"personal"},"text":"hi"}""",
            Encoding.UTF8, "application/json");
        UnauthenticatedStatus = (await http.PostAsync("/api/messages", activity)).StatusCode;
        // Storage reaches for its token at start; wait for it before stopping.
        await Azure.LoggedAsync(e => e.RequestMessage.Path == "/msi/token", atLeast: 1);
        // Traces and logs are exported every few seconds while the bot runs: wait for the request and the
        // log line this fixture caused, so only the metrics rely on the flush at shutdown (on a loaded
        // machine a batch left for that flush was once lost).
        for (var until = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < until; await Task.Delay(250))
        {
            var sent = Items(Azure.LogEntries).ToList();
            if (sent.Any(i => i.Contains("\"RequestData\"") && i.Contains("/healthz")) && sent.Any(i => i.Contains("\"MessageData\"") && i.Contains("Rejected with 401")))
            {
                break;
            }
        }

        using (var term = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.WaitForExitAsync(limit.Token);
        ExitCode = bot.ExitCode;
        Output = bot.Tail;
        Requests = await Azure.LoggedAsync();
    }

    public Task DisposeAsync()
    {
        Azure.Stop();
        Azure.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every telemetry item sent to ingestion (newline-delimited JSON, gzipped on the wire).</summary>
    public IEnumerable<string> TelemetryItems() => Items(Requests);

    private static IEnumerable<string> Items(IEnumerable<ILogEntry> requests) => requests
        .Where(e => e.RequestMessage.Path == "/v2.1/track")
        .SelectMany(e => Body(e).Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private static string Body(ILogEntry entry)
    {
        var bytes = entry.RequestMessage.BodyAsBytes ?? [];
        if (bytes is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            return reader.ReadToEnd();
        }
        return Encoding.UTF8.GetString(bytes);
    }

    private static async Task<HttpResponseMessage> WaitForHealthAsync(HttpClient http, ChildProcess bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                return await http.GetAsync("/healthz");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !bot.HasExited)
            {
                await Task.Delay(200);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"The bot did not answer (exited: {bot.HasExited}):\n{bot.Tail}", ex);
            }
        }
    }
}
