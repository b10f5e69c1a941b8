using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>A school of the area, in exactly one school group.</summary>
/// <param name="NeedsHelp">The office has flagged the school for closer supervision (โรงเรียนที่ต้องได้รับการช่วยเหลือ).</param>
public sealed record School(
    string Code,
    string NameTh,
    string? NameEn,
    int GroupNumber,
    string? DirectorEmail,
    string? ContactEmail,
    bool NeedsHelp)
{
    public string Title(Language language) => DirectoryNames.Pick(NameTh, NameEn, language);
}
