using System.Net;

namespace SupervisionBot.Tests.Ship;

/// <summary>The bot starts and behaves with exactly what infra/ gives it in App Service.</summary>
public sealed class AppServiceStartTests(AppServiceBot bot) : IClassFixture<AppServiceBot>
{
    [Fact]
    public void It_starts_in_production_with_a_table_endpoint_and_a_managed_identity_and_stops_cleanly()
    {
        // Up and answering: /healthz reports the (deliberately closed) storage, and Teams' endpoint
        // refuses an activity without a token, as Production must.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, bot.HealthStatus);
        Assert.Contains("unreachable", bot.HealthBody);
        Assert.Equal(HttpStatusCode.Unauthorized, bot.UnauthenticatedStatus);
        Assert.True(bot.ExitCode == 0, bot.Output);
    }

    [Fact]
    public void Storage_tokens_come_from_the_user_assigned_identity_named_by_its_client_id()
    {
        var tokenRequests = bot.Requests.Where(e => e.RequestMessage.Path == "/msi/token").ToList();

        Assert.NotEmpty(tokenRequests);
        Assert.All(tokenRequests, request =>
        {
            var query = request.RequestMessage.Query!;
            Assert.Equal(AppServiceBot.IdentityClientId, query["client_id"].Single());
            Assert.StartsWith("https://storage.azure.com", query["resource"].Single());
            Assert.Equal(AppServiceBot.IdentityHeader, request.RequestMessage.Headers!["X-IDENTITY-HEADER"].Single());
        });
    }

    [Fact]
    public void Traces_metrics_and_logs_reach_application_insights()
    {
        // Stopping the bot flushed every exporter: what it sent is all there is.
        var items = bot.TelemetryItems().ToList();

        Assert.True(items.Any(i => i.Contains("\"RequestData\"") && i.Contains("/healthz")), $"No /healthz request among:\n{string.Join("\n", items.Where(i => i.Contains("\"RequestData\"")))}\n{bot.Output}");
        Assert.Contains(items, i => i.Contains("\"MessageData\"") && i.Contains("Rejected with 401"));
        // The bot's own meters (SupervisionBot.*) are exported, not only ASP.NET Core's.
        Assert.Contains(items, i => i.Contains("\"MetricData\"") && i.Contains("supervisionbot.turns"));
    }
}
