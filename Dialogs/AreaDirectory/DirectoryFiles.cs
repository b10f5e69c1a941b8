using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

public enum DirectoryKind
{
    Groups,
    Schools,
    Centres,
    People,
}

/// <summary>One file of an import: its name as the admin gave it and its bytes, unread.</summary>
public sealed record DirectoryFile(string Name, byte[] Content);

/// <summary>
/// The four files of the directory with their exact headers, and the codes and limits of their
/// columns. The README's "Who is who" section documents the same; keep them together.
/// </summary>
public static class DirectoryFiles
{
    public static readonly IReadOnlyDictionary<DirectoryKind, string> FileNames = new Dictionary<DirectoryKind, string>
    {
        [DirectoryKind.Groups] = "groups.csv",
        [DirectoryKind.Schools] = "schools.csv",
        [DirectoryKind.Centres] = "centres.csv",
        [DirectoryKind.People] = "people.csv",
    };

    public static readonly IReadOnlyDictionary<DirectoryKind, string[]> Headers = new Dictionary<DirectoryKind, string[]>
    {
        [DirectoryKind.Groups] = ["group_no", "name_th", "name_en", "chair_email", "vice_chair_email", "team_id", "channel_id"],
        [DirectoryKind.Schools] = ["school_code", "name_th", "name_en", "group_no", "director_email", "contact_email", "needs_help"],
        [DirectoryKind.Centres] = ["centre_code", "name_th", "name_en", "learning_area", "host_school_code", "chair_email"],
        [DirectoryKind.People] = ["email", "display_name", "aad_object_id", "roles", "school_code", "group_nos", "learning_areas"],
    };

    /// <summary>
    /// The most data rows each file may hold: several times the area's real size (6 groups, 67
    /// schools, 28 centres, a few thousand people), small enough that a directory stays a few MB in
    /// each bot instance's memory.
    /// </summary>
    public static readonly IReadOnlyDictionary<DirectoryKind, int> RowLimits = new Dictionary<DirectoryKind, int>
    {
        [DirectoryKind.Groups] = 100,
        [DirectoryKind.Schools] = 2_000,
        [DirectoryKind.Centres] = 500,
        [DirectoryKind.People] = 50_000,
    };

    /// <summary>
    /// The role codes of people.csv's <c>roles</c> column: the form files' codes with <c>_</c> for
    /// <c>-</c>, as spreadsheet people write identifiers.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, RespondentRole> RoleCodes =
        FormCodes.Roles.ToDictionary(r => r.Key.Replace('-', '_'), r => r.Value, StringComparer.OrdinalIgnoreCase);

    public static string RoleCode(RespondentRole role) => RoleCodes.First(r => r.Value == role).Key;

    /// <summary>Which kind a file holds: by its name, or, for a renamed file (e.g. sent in chat), by its header.</summary>
    public static DirectoryKind? KindOf(string fileName, IReadOnlyList<string>? header)
    {
        foreach (var (kind, name) in FileNames)
        {
            if (string.Equals(Path.GetFileName(fileName), name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        if (header is null)
        {
            return null;
        }
        var columns = header.Select(h => h.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Headers.Where(h => h.Value.All(columns.Contains)).Select(h => (DirectoryKind?)h.Key).FirstOrDefault();
    }
}
