using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Summaries;

public static class SummaryServices
{
    /// <summary>
    /// The aggregates responses are counted into as they are stored, and the summaries read from them;
    /// registered after the campaigns, whose closing sends the summaries out.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddSingleton<TableResponseAggregates>();
        services.AddSingleton<IResponseAggregates>(sp => sp.GetRequiredService<TableResponseAggregates>());
        services.AddSingleton<SummaryReader>();
        // Campaign facts (open or closed, recipients per school) come from the campaigns' store when campaigns are part of the bot.
        services.AddSingleton(sp => new SummaryCards(sp.GetRequiredService<SummaryReader>(), sp.GetRequiredService<IOfficeDirectorySource>(), sp.GetService<ICampaignFacts>()));
        services.AddSingleton<SummaryDistribution>();
        if (services.Any(d => d.ServiceType == typeof(ICampaignStore)))
        {
            services.AddSingleton<ICampaignFacts, CampaignFactsFromStore>();
            services.AddSingleton<ICampaignClosed, CampaignSummaries>();
        }
        services.AddTransient<ITurnFeature, SummaryFeature>();
        return services;
    }
}
