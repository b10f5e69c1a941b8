using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.People;

/// <summary>
/// Roles from configuration (section "Roles"): <c>Default</c> for everyone, and <c>Users</c> by AAD
/// object id for the supervisors, chairs and the unit head. The directory synced from Microsoft
/// Graph replaces this when it lands; until then the office's IT admin lists people here.
/// </summary>
public sealed class RoleOptions
{
    public List<RespondentRole> Default { get; set; } = [RespondentRole.Teacher];

    public Dictionary<string, List<RespondentRole>> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ConfiguredRoleDirectory(IOptionsMonitor<RoleOptions> options) : IRoleDirectory
{
    public Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var roles = user.AadObjectId is { } aad && current.Users.TryGetValue(aad, out var listed) ? listed : current.Default;
        return Task.FromResult<IReadOnlySet<RespondentRole>>(roles.ToHashSet());
    }
}
