using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    private const string ConnectorOptionsName = "Outbox";

    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.PostConfigure<OutboxOptions>(o => o.TenantId ??= configuration["MicrosoftAppTenantId"]);
        // The connector's own settings (whatever they grow to), but one attempt: the outbox retries through its queue.
        services.Configure<ConnectorOptions>(ConnectorOptionsName, configuration.GetSection("Connector"));
        services.PostConfigure<ConnectorOptions>(ConnectorOptionsName, o => o.MaxAttempts = 1);
        services.AddHttpClient(OutboxConnector.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new OutboxConnector(
            ActivatorUtilities.CreateInstance<ConnectorClient>(sp,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(OutboxConnector.HttpClientName),
                Options.Create(sp.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(ConnectorOptionsName))),
            sp.GetRequiredService<IOptions<OutboxOptions>>()));

        // Microsoft Graph's installer (the directory) replaces this when registered before.
        services.TryAddSingleton<IAppInstaller, UnconfiguredAppInstaller>();

        services.AddSingleton<OutboxStorage>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<SharedRateLimiter>();
        services.AddSingleton<ConversationPace>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxHealth>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddHostedService<OutboxReporter>();
        return services;
    }
}
