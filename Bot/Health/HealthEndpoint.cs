using SupervisionBot.Bot.Outbox;
using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Bot.Health;

/// <summary>GET /healthz for App Service health checks and the run script: is storage reachable, and how is the outbox doing?</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (SupervisionTables tables, OutboxHealth outbox, CancellationToken cancellationToken) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            bool reachable;
            try
            {
                reachable = await tables.IsReachableAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                reachable = false;
            }
            var body = new HealthReport(reachable ? "healthy" : "unhealthy", reachable ? "reachable" : "unreachable", outbox.Report());
            return Results.Json(body, HealthJson.Default.HealthReport, statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}

public sealed record HealthReport(string Status, string Storage, OutboxReport Outbox);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HealthReport))]
public sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
