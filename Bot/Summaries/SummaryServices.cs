using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Summaries;

public static class SummaryServices
{
    /// <summary>The aggregates responses are counted into as they are stored, and the summaries read from them.</summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddSingleton<TableResponseAggregates>();
        services.AddSingleton<IResponseAggregates>(sp => sp.GetRequiredService<TableResponseAggregates>());
        return services;
    }
}
