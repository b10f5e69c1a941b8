using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Graph;

public static class GraphServices
{
    /// <summary>
    /// Graph with the app's own identity (the <see cref="TokenCredential"/> registered: the managed
    /// identity in Azure). The installer is registered only when <see cref="GraphOptions.TeamsAppId"/> is
    /// set; call this before the outbox, which otherwise registers one that says no installer is configured.
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphOptions.Section);
        services.Configure<GraphOptions>(section);
        services.TryAddSingleton(sp => CreateClient(sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.TryAddSingleton<OfficeGraph>();
        if (section.Get<GraphOptions>() is { IsConfigured: true })
        {
            services.TryAddSingleton<IAppInstaller, GraphAppInstaller>();
        }
        return services;
    }

    public static GraphServiceClient CreateClient(TokenCredential credential, GraphOptions options)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = new RetryHandler(new RetryHandlerOption
        {
            MaxRetry = Math.Clamp(options.MaxRetries, 0, 10),
            Delay = Math.Clamp(options.RetryDelaySeconds, 0, 180),
        });
        handlers = handlers.Select(h => h is RetryHandler ? retry : h).ToList();
        var http = GraphClientFactory.Create(handlers);
        // Tokens go to the configured Graph host only: never to a host a nextLink or redirect names.
        var authentication = new AzureIdentityAuthenticationProvider(credential, [options.BaseUri.Host], null, true, options.Scope);
        return new GraphServiceClient(http, authentication, options.BaseUrl.TrimEnd('/'));
    }
}
