using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Health;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Messaging;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Bot.People;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

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
        services.AddHostedService<ProcessedActivityCleanup>();

        services.Configure<ConnectorOptions>(configuration.GetSection("Connector"));
        services.AddSingleton<IRetryDelay, TimeProviderRetryDelay>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddSingleton<IFormSessionStore, TableFormSessionStore>();
        services.AddSingleton<IResponseStore, TableResponseStore>();
        services.AddSingleton<IRespondentRegistry, TableRespondentRegistry>();
        services.AddSingleton<IUserPreferences, TableUserPreferences>();
        services.Configure<RoleOptions>(configuration.GetSection("Roles"));
        services.AddSingleton<IRoleDirectory, ConfiguredRoleDirectory>();

        services.AddSingleton(_ => FormCatalogue.LoadBuiltIn());
        services.Configure<DirectoryOptions>(configuration.GetSection("Directory"));
        services.AddSingleton<IPickerChoices>(sp =>
            new ConfiguredPickerChoices(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.ByPicker()));
        services.AddSingleton<FormValidator>();
        services.AddSingleton<FormCardPresenter>();
        services.AddSingleton<FormFiller>();
        services.Configure<FormSessionPolicy>(configuration.GetSection("Forms"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FormSessionPolicy>>().Value);
        services.AddSingleton<FormSessionSweeper>();
        services.AddSingleton<FormSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<FormSweepService>());

        services.AddTransient<IPersonalChats, PersonalChats>();
        services.AddTransient<TurnRouter>();
        services.AddTransient<TurnProcessor>();

        services.AddOutbox(configuration);

        var app = builder.Build();
        // A form definition with a mistake stops the bot here, with its file, path and problem,
        // rather than failing a user halfway through that form.
        app.Services.GetRequiredService<FormCatalogue>();
        app.MapMessages();
        app.MapHealth();
        return app;
    }
}
