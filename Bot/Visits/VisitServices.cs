using Microsoft.Extensions.DependencyInjection.Extensions;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Routing;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bot.Visits;

public static class VisitServices
{
    /// <summary>
    /// Planning visits: the store, the rules, the planner, the import and semester lists, and the chat
    /// commands. The reminders (<see cref="IVisitReminders"/>) are registered with the scheduler and outbox.
    /// </summary>
    public static IServiceCollection AddVisits(this IServiceCollection services)
    {
        services.TryAddSingleton<IVisitStore, TableVisitStore>();
        services.TryAddSingleton(_ => SchoolCalendarLoader.Load([]));
        services.AddSingleton<VisitRules>();
        services.AddSingleton<VisitPlanner>();
        services.AddSingleton<VisitImport>();
        services.AddSingleton<SemesterVisits>();
        services.AddSingleton<VisitsFeature>();
        services.AddSingleton<ITurnFeature>(sp => sp.GetRequiredService<VisitsFeature>());
        return services;
    }
}
