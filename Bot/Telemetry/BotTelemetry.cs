using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Resources;

namespace SupervisionBot.Bot.Telemetry;

/// <summary>
/// Traces, metrics and logs go to Application Insights through OpenTelemetry when a connection string
/// is configured; without one nothing is registered, so local runs and tests export nothing.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The setting App Service and infra/ use for Application Insights.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Every meter and activity source of the bot is named under this prefix (e.g. SupervisionBot.Outbox).</summary>
    public const string NamePrefix = "SupervisionBot";

    public static void AddBotTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[ConnectionStringKey] is not { Length: > 0 } connectionString)
        {
            return;
        }
        builder.Services.AddOpenTelemetry()
            .UseAzureMonitor(options => options.ConnectionString = connectionString)
            // The distro's resource detectors include one for virtual machines that calls the instance
            // metadata address on every start; on App Service that call always fails and shows up as a
            // failed dependency. Name the service and instance ourselves from App Service's variables.
            .ConfigureResource(resource => resource.Clear().AddService(
                serviceName: Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME") ?? NamePrefix,
                serviceInstanceId: Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") ?? Environment.MachineName))
            .WithMetrics(metrics => metrics.AddMeter(NamePrefix + "*"))
            .WithTracing(tracing => tracing.AddSource(NamePrefix + "*"));
    }
}
