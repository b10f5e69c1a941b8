namespace SupervisionBot.Bot.People;

public static class GuestRolesServices
{
    /// <summary>The configured roles (section "Roles"), with guests told apart from members in front of them.</summary>
    public static IServiceCollection AddConfiguredRolesWithGuests(this IServiceCollection services, IConfiguration configuration)
    {
        RoleOptions.Register(services, configuration);
        services.Configure<GuestOptions>(configuration.GetSection(RoleOptions.Section));
        services.AddSingleton<ConfiguredRoleDirectory>();
        services.AddSingleton<IGuestLookup>(sp =>
            ActivatorUtilities.CreateInstance<TeamsGuestLookup>(sp, new Func<Graph.OfficeGraph>(sp.GetRequiredService<Graph.OfficeGraph>)));
        services.AddSingleton<Dialogs.People.IRoleDirectory>(sp =>
            ActivatorUtilities.CreateInstance<GuestRoles>(sp, sp.GetRequiredService<ConfiguredRoleDirectory>()));
        return services;
    }
}
