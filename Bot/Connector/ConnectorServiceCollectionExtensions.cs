namespace SupervisionBot.Bot.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>One attempt's limit; the turn's deadline bounds the retries as a whole.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Registers <see cref="ConnectorClient"/> and the serviceUrl allow-list (configuration section "Connector").
    /// Needs an <see cref="Auth.IConnectorTokenProvider"/> and the bot's credentials.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConnectorOptions>(configuration.GetSection("Connector"));
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<IRetryDelay, TimeProviderRetryDelay>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = AttemptTimeout)
            // A redirect would carry the request, and with some handlers its Authorization header, to a host
            // the allow-list never saw: a 3xx is reported as a failure instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
