using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bot.Campaigns;

public static class CampaignServices
{
    /// <summary>Campaigns: configuration <c>Campaigns</c>, the store, the chat feature, the form-progress observer and the two scheduled jobs.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CampaignPolicy>(configuration.GetSection("Campaigns"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CampaignPolicy>>().Value);
        // The built-in academic years and holidays, plus the office's own files (Calendar:Files) when it adds next year's.
        services.TryAddSingleton(_ => SchoolCalendarLoader.Load(configuration.GetSection("Calendar:Files").Get<string[]>() ?? []));
        services.AddSingleton<WorkingHours>();
        services.TryAddSingleton<IVisitStore, VisitsNotInstalled>();
        services.AddSingleton<ICampaignStore, TableCampaignStore>();
        services.AddSingleton<AudienceResolver>();
        services.AddSingleton<CampaignJobs>();
        services.AddSingleton<RecipientMoves>();
        services.AddSingleton<CampaignDelivery>();
        services.AddSingleton<CampaignLauncher>();
        services.AddSingleton<CampaignCloser>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<CampaignCloser>());
        services.AddSingleton<IJobHandler, CampaignReminders>();
        services.AddSingleton<IFormProgress, CampaignProgress>();
        services.AddSingleton<CampaignCards>();
        services.AddSingleton<ITurnFeature, CampaignFeature>();
        return services;
    }
}

/// <summary>
/// Stands in for the visits store until visits are part of the bot: no visit is known, so
/// <c>visits:&lt;id&gt;</c> in an audience is refused as an unknown visit rather than crashing.
/// Registered only when nothing else provides <see cref="IVisitStore"/>.
/// </summary>
public sealed class VisitsNotInstalled : IVisitStore
{
    public Task<StoredVisit?> GetAsync(string visitId, CancellationToken cancellationToken) => Task.FromResult<StoredVisit?>(null);

    public Task AddAsync(IReadOnlyCollection<Visit> visits, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Visits are not part of this bot build.");

    public Task<bool> TryUpdateAsync(Visit visit, string etag, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Visits are not part of this bot build.");

    public Task<IReadOnlyList<Visit>> BySupervisorAsync(string supervisorEmail, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Visit>>([]);

    public Task<IReadOnlyList<Visit>> BySchoolAsync(string schoolCode, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Visit>>([]);
}
