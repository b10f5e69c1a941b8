using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// Roles from the directory for the people it lists (matched by AAD object id, the identity Teams
/// gives every turn); everyone else gets what <paramref name="fallback"/> says (the configured
/// <c>Roles</c> policy). Admins named in configuration are admins whatever the directory holds, so
/// a bad import can never lock the office out of importing a good one.
/// </summary>
public sealed class DirectoryRoles(IOfficeDirectorySource directory, IRoleDirectory fallback, Func<string, bool> isConfiguredAdmin) : IRoleDirectory
{
    public async Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken)
    {
        var person = user.AadObjectId is { } aad ? (await directory.CurrentAsync(cancellationToken)).PersonByAadObjectId(aad) : null;
        var roles = person?.Roles ?? await fallback.GetRolesAsync(user, cancellationToken);
        return user.AadObjectId is { } id && isConfiguredAdmin(id) && !roles.Contains(RespondentRole.Admin)
            ? roles.Append(RespondentRole.Admin).ToHashSet()
            : roles;
    }
}
