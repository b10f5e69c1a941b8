using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Tests.Visits;

/// <summary>
/// Stands in for the visit reminders where a test builds the whole host and this branch has no
/// reminders of its own yet. Registered before the host's own services, so the real reminders,
/// registered after, win once they are in.
/// </summary>
public sealed class NoVisitReminders : IVisitReminders
{
    public static void Register(WebApplicationBuilder builder) => builder.Services.AddSingleton<IVisitReminders, NoVisitReminders>();

    public Task PlanAsync(Visit visit, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DropAsync(Visit visit, CancellationToken cancellationToken) => Task.CompletedTask;
}
