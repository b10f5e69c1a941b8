using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Summaries;

public static class SummaryServices
{
    /// <summary>The aggregates responses are counted into as they are stored, and the summaries read from them.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddSingleton<TableResponseAggregates>();
        services.AddSingleton<IResponseAggregates>(sp => sp.GetRequiredService<TableResponseAggregates>());
        services.AddSingleton<SummaryReader>();
        // Campaign facts (open or closed, invited counts) come from the campaigns feature when it registers them.
        services.AddSingleton(sp => new SummaryCards(sp.GetRequiredService<SummaryReader>(), sp.GetRequiredService<IOfficeDirectorySource>(), sp.GetService<ICampaignFacts>()));
        services.AddSingleton<SummaryDistribution>();
        services.AddTransient<ITurnFeature, SummaryFeature>();
        return services;
    }
}
