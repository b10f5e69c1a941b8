using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Campaigns;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Bot.Export;
using SupervisionBot.Bot.FollowUps;
using SupervisionBot.Bot.Graph;
using SupervisionBot.Bot.Health;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Messaging;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Bot.People;
using SupervisionBot.Bot.Reachability;
using SupervisionBot.Bot.Scheduling;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Summaries;
using SupervisionBot.Bot.Telemetry;
using SupervisionBot.Bot.Visits;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Dialogs.Reachability;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

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
        builder.AddBotTelemetry();

        services.AddSingleton(TimeProvider.System);
        services.AddBotAuthentication(configuration, builder.Environment);

        services.TryAddSingleton<TokenCredential>(_ => AppCredential.Create(configuration));
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.AddSingleton<SupervisionTables>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<ProcessedActivityLog>();
        services.AddHostedService<ProcessedActivityCleanup>();

        services.AddBotConnector(configuration);

        services.AddSingleton<IFormSessionStore, TableFormSessionStore>();
        services.AddSingleton<IResponseStore, TableResponseStore>();
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<PendingAnonymousResponses>();
        services.AddHostedService<AnonymousResponseRelease>();
        services.AddSingleton<ResponseRetention>();
        services.AddHostedService<ResponsePurge>();
        services.AddSingleton<IRespondentRegistry, TableRespondentRegistry>();
        services.AddSingleton<IUserPreferences, TableUserPreferences>();
        services.AddConfiguredRolesWithGuests(configuration);

        services.AddSingleton(_ => FormCatalogue.LoadBuiltIn());
        services.Configure<DirectoryOptions>(configuration.GetSection("Directory"));
        services.AddSingleton<IPickerChoices>(sp =>
            new ConfiguredPickerChoices(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value.ByPicker()));
        services.AddSingleton<FormValidator>();
        services.AddSingleton<FormCardPresenter>();
        services.AddSingleton<SessionCards>();
        services.AddSingleton<FormSubmission>();
        services.AddSingleton<FormFiller>();
        services.AddSingleton<FormActions>();
        services.Configure<FormSessionPolicy>(configuration.GetSection("Forms"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FormSessionPolicy>>().Value);
        services.AddSingleton<FormSessionSweeper>();
        services.AddSingleton<FormSweepService>();
        services.AddHostedService(sp => sp.GetRequiredService<FormSweepService>());

        services.Configure<SchedulerOptions>(configuration.GetSection("Scheduler"));
        services.AddSingleton<TableJobSchedule>();
        services.AddSingleton<IJobSchedule>(sp => sp.GetRequiredService<TableJobSchedule>());
        services.AddSingleton<JobRunner>();
        services.AddHostedService<SchedulerService>();

        services.AddTransient<IPersonalChats, PersonalChats>();
        services.AddTransient<TurnRouter>();
        services.AddTransient<TurnProcessor>();
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.SectionName));
        services.AddAreaDirectory(configuration);

        // Before the outbox: Graph's app installer replaces its "no installer configured" one.
        services.AddGraph(configuration);
        // The built-in academic years and holidays, plus the office's own files (Calendar:Files) for years to come.
        services.AddSingleton(_ => SchoolCalendarLoader.Load(configuration.GetSection("Calendar:Files").Get<string[]>() ?? []));
        services.AddOutbox(configuration);
        services.AddFollowUps(configuration);

        services.AddSingleton<IPersonalChatStates, PersonalChatStates>();
        services.AddSingleton<ReachabilityCheck>();
        services.AddSingleton<ITurnFeature, ReachabilityFeature>();
        services.AddVisits();
        services.AddCampaigns(configuration);
        services.AddSummaries();
        services.AddChatExport(configuration);
        services.AddVisitReminders(configuration);

        var app = builder.Build();
        // A form definition with a mistake stops the bot here, with its file, path and problem,
        // rather than failing a user halfway through that form.
        app.Services.GetRequiredService<FormCatalogue>();
        // Likewise a mistyped Connector:AllowedServiceHosts entry.
        app.Services.GetRequiredService<ServiceUrlPolicy>();
        // And a mistyped Visits:Reminders offset.
        app.Services.GetRequiredService<VisitRemindersSettings>();
        app.MapMessages();
        app.MapHealth();
        return app;
    }
}
