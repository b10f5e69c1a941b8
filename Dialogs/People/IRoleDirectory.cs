using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.People;

/// <summary>Which roles a user holds in the area office, deciding which forms they may fill.</summary>
public interface IRoleDirectory
{
    Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken);
}
