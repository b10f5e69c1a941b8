using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// Someone the bot knows by name. <see cref="Email"/> is the email or UPN the office knows them by
/// (stored in lower case); <see cref="AadObjectId"/> is how Teams identifies them in a turn, filled
/// from the CSV or from Microsoft Graph.
/// </summary>
public sealed record Person(
    string Email,
    string DisplayName,
    string? AadObjectId,
    IReadOnlySet<RespondentRole> Roles,
    string? SchoolCode,
    IReadOnlyList<int> GroupNumbers,
    IReadOnlyList<string> LearningAreas)
{
    public bool Holds(RespondentRole role) => Roles.Contains(role);
}
