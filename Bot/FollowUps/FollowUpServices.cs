using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Timeline;
using SupervisionBot.Dialogs.Timeline;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Bot.FollowUps;

public static class FollowUpServices
{
    /// <summary>
    /// The Act step: actions from visits and meetings, their reminders, meeting summaries and the
    /// meetings-per-semester check; and each school's timeline, which shows them with its surveys and visits.
    /// </summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FollowUpOptions>(configuration.GetSection("FollowUps"));
        services.AddSingleton<IFollowUpStore, TableFollowUpStore>();
        services.AddSingleton<FollowUpNotices>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FollowUpRecorder>(sp, sp.GetRequiredService<IOptions<FollowUpOptions>>().Value));
        services.AddSingleton<IFormProgress>(sp => sp.GetRequiredService<FollowUpRecorder>());
        services.AddSingleton<IJobHandler, FollowUpReminderHandler>();
        services.AddSingleton<MeetingQuota>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<MeetingQuota>());
        services.AddSingleton<FollowUpsFeature>();
        services.AddSingleton<ITurnFeature>(sp => sp.GetRequiredService<FollowUpsFeature>());
        services.AddSingleton<IFormPreface>(sp => sp.GetRequiredService<FollowUpsFeature>());
        services.AddHostedService<MeetingQuotaPlanner>();

        services.AddSingleton<ISchoolHistory, TableSchoolHistory>();
        services.AddSingleton<IFormProgress, SchoolHistoryRecorder>();
        services.AddSingleton<SchoolTimeline>();
        services.AddSingleton<ITurnFeature, TimelineFeature>();
        return services;
    }
}

/// <summary>Plans each group's meetings-per-semester check at start and once a day, so a new group or a new year's calendar is picked up.</summary>
public sealed class MeetingQuotaPlanner(SupervisionTables tables, MeetingQuota quota, TimeProvider time, ILogger<MeetingQuotaPlanner> logger)
    : PeriodicStorageJob(tables, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var planned = await quota.PlanAsync(cancellationToken);
        logger.LogInformation("Planned {Count} meetings-per-semester checks", planned);
    }
}
