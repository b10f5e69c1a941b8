using Microsoft.Extensions.DependencyInjection.Extensions;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Bot.Visits;

public static class VisitReminderServices
{
    public const string RemindersKey = "Visits:Reminders";

    /// <summary>Visit reminders, the missed-visit check and the completion of a visit by its checklist. Needs the scheduler and the outbox.</summary>
    public static IServiceCollection AddVisitReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new VisitRemindersSettings(ReadOffsets(configuration)));
        services.AddSingleton<IVisitReminders, VisitReminders>();
        services.AddSingleton<IJobHandler, VisitReminderHandler>();
        services.AddSingleton<IJobHandler, VisitMissedHandler>();
        services.AddSingleton<IFormProgress, VisitCompletion>();
        return services;
    }

    /// <summary>
    /// A list in appsettings (<c>"Reminders": ["7.00:00:00@08:00", …]</c>) or one value, e.g. the
    /// environment variable <c>Visits__Reminders=00:01:00</c>, which then replaces the whole list
    /// rather than only its first entry; several in one value are separated by ';'.
    /// </summary>
    public static IReadOnlyList<string> ReadOffsets(IConfiguration configuration)
    {
        var section = configuration.GetSection(RemindersKey);
        return section.Value is { } single
            ? single.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. section.GetChildren().Select(c => c.Value).OfType<string>()];
    }
}
