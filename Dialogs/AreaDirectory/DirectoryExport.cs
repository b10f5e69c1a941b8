using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// Writes a directory back as the four CSV files, in the canonical order, so that exporting and
/// importing again changes nothing and an unchanged import is recognised by its fingerprint.
/// </summary>
public static class DirectoryExport
{
    /// <summary>Excel opens a UTF-8 CSV as Thai only when the file starts with a BOM.</summary>
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static string Csv(OfficeDirectory directory, DirectoryKind kind) =>
        CsvRows.Write(Records(directory, kind).Prepend(DirectoryFiles.Headers[kind]));

    public static IReadOnlyList<DirectoryFile> Files(OfficeDirectory directory) =>
        Enum.GetValues<DirectoryKind>()
            .Select(kind => new DirectoryFile(DirectoryFiles.FileNames[kind], [.. Bom, .. Encoding.UTF8.GetBytes(Csv(directory, kind))]))
            .ToArray();

    /// <summary>A hash of the whole directory's content: equal fingerprints, equal directories.</summary>
    public static string Fingerprint(OfficeDirectory directory)
    {
        var text = string.Concat(Enum.GetValues<DirectoryKind>().Select(kind => Csv(directory, kind)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The data rows of one kind, each keyed by its first column.</summary>
    public static IEnumerable<IReadOnlyList<string>> Records(OfficeDirectory directory, DirectoryKind kind) => kind switch
    {
        DirectoryKind.Groups => directory.Groups.Select(g => (IReadOnlyList<string>)
            [Number(g.Number), g.NameTh, g.NameEn ?? "", g.ChairEmail ?? "", g.ViceChairEmail ?? "", g.TeamId ?? "", g.ChannelId ?? ""]),
        DirectoryKind.Schools => directory.Schools.Select(s => (IReadOnlyList<string>)
            [s.Code, s.NameTh, s.NameEn ?? "", Number(s.GroupNumber), s.DirectorEmail ?? "", s.ContactEmail ?? "", s.NeedsHelp ? "true" : "false"]),
        DirectoryKind.Centres => directory.Centres.Select(c => (IReadOnlyList<string>)
            [c.Code, c.NameTh, c.NameEn ?? "", c.LearningArea, c.HostSchoolCode, c.ChairEmail ?? ""]),
        DirectoryKind.People => directory.People.Select(p => (IReadOnlyList<string>)
            [
                p.Email, p.DisplayName, p.AadObjectId ?? "",
                string.Join(';', p.Roles.Order().Select(DirectoryFiles.RoleCode)),
                p.SchoolCode ?? "",
                string.Join(';', p.GroupNumbers.Select(Number)),
                string.Join(';', p.LearningAreas),
            ]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
