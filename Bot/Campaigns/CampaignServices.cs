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
        services.AddSingleton<WorkingHours>();
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
