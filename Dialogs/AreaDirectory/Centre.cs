using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>ศูนย์พัฒนาวิชาการ: an academic development centre for one learning area, hosted by a school.</summary>
public sealed record Centre(
    string Code,
    string NameTh,
    string? NameEn,
    string LearningArea,
    string HostSchoolCode,
    string? ChairEmail)
{
    public string Title(Language language) => DirectoryNames.Pick(NameTh, NameEn, language);
}
