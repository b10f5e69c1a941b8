using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.People;

/// <summary>
/// Roles from configuration (section "Roles"): <c>Default</c> for everyone not listed, and <c>Users</c>
/// by AAD object id for the supervisors, chairs and the unit head. The directory synced from Microsoft
/// Graph replaces this when it lands; until then the office's IT admin lists people here.
/// </summary>
public sealed class RoleOptions
{
    public const string Section = "Roles";

    /// <summary>What people hold when <see cref="Default"/> is not configured at all.</summary>
    public static IReadOnlyList<RespondentRole> BuiltInDefault { get; } = [RespondentRole.Teacher];

    /// <summary>
    /// Null until configured. It has no initial list on purpose: the configuration binder adds to an
    /// existing list, so a built-in <c>[Teacher]</c> here would turn a configured <c>[Supervisor]</c>
    /// into Teacher and Supervisor, and a configured empty list into Teacher.
    /// </summary>
    public List<RespondentRole>? Default { get; set; }

    public Dictionary<string, List<RespondentRole>> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RespondentRole> DefaultRoles => Default ?? BuiltInDefault;

    /// <summary>
    /// Binds the section. An empty list (<c>"Default": []</c> in JSON, <c>Roles__Default=</c> as an App
    /// Service setting) reaches the binder as a key without children, which it skips; it means "no role".
    /// </summary>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.Configure<RoleOptions>(section);
        services.PostConfigure<RoleOptions>(options =>
        {
            if (options.Default is null && section.GetChildren().Any(child => child.Key.Equals(nameof(Default), StringComparison.OrdinalIgnoreCase)))
            {
                options.Default = [];
            }
        });
    }
}

public sealed class ConfiguredRoleDirectory(IOptionsMonitor<RoleOptions> options) : IRoleDirectory
{
    public Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        IReadOnlyList<RespondentRole> roles = user.AadObjectId is { } aad && current.Users.TryGetValue(aad, out var listed) ? listed : current.DefaultRoles;
        return Task.FromResult<IReadOnlySet<RespondentRole>>(roles.ToHashSet());
    }
}
