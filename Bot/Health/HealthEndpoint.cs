using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Bot.Health;

/// <summary>GET /healthz for App Service health checks and the run script: is storage reachable?</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (SupervisionTables tables, CancellationToken cancellationToken) =>
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
            var body = new HealthReport(reachable ? "healthy" : "unhealthy", reachable ? "reachable" : "unreachable");
            return Results.Json(body, HealthJson.Default.HealthReport, statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}

public sealed record HealthReport(string Status, string Storage);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HealthReport))]
public sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
