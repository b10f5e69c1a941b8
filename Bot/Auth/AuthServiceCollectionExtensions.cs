using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SupervisionBot.Bot.Auth;

public static class AuthServiceCollectionExtensions
{
    private static readonly TimeSpan AuthHttpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers inbound token validation (<see cref="IInboundAuthenticator"/>) and outbound Connector tokens
    /// (<see cref="IConnectorTokenProvider"/>). Credentials come from the root keys MicrosoftAppType,
    /// MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId; endpoints from the "BotAuth" section.
    /// Invalid credentials stop the host at start.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<BotCredentials>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentials>>(new BotCredentialsValidator(environment));
        services.AddOptions<BotAuthOptions>().Bind(configuration.GetSection(BotAuthOptions.SectionName));
        // Local mode decides by the socket address; ASP.NET's forwarded-headers switch
        // (ASPNETCORE_FORWARDEDHEADERS_ENABLED) would otherwise replace it with whatever a header claims.
        services.PostConfigure<ForwardedHeadersOptions>(forwarded =>
        {
            if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.None;
            }
        });

        services.TryAddSingleton(TimeProvider.System);
        // Inbound validation waits on metadata and the Connector gives a turn ~15 s, so fail fast.
        services.AddHttpClient(AuthHttpClients.Metadata, client => client.Timeout = AuthHttpTimeout);
        services.AddHttpClient(AuthHttpClients.Token, client => client.Timeout = AuthHttpTimeout);

        services.AddSingleton<IInboundAuthenticator, JwtInboundAuthenticator>();
        services.AddSingleton<TenantPolicy>();
        services.AddSingleton<IConnectorTokenProvider, ConnectorTokenProvider>();
        services.AddHostedService<LocalModeWarning>();
        return services;
    }
}
