using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Health;
using SupervisionBot.Bot.Messaging;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot;

/// <summary>
/// Builds the bot's web application. Tests and the benchmark call this too, so that what they run
/// is exactly what production runs, with only configuration changed.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddBotAuthentication(configuration, builder.Environment);

        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.AddSingleton<SupervisionTables>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<ProcessedActivityLog>();

        services.Configure<ConnectorOptions>(configuration.GetSection("Connector"));
        services.AddSingleton<IRetryDelay, TimeProviderRetryDelay>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddSingleton<TurnRouter>();
        services.AddTransient<TurnProcessor>();

        var app = builder.Build();
        app.MapMessages();
        app.MapHealth();
        return app;
    }
}
