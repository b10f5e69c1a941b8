using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// กลุ่มโรงเรียน: one of the area's school groups, with its chair, vice-chair and the Teams team and
/// channel it meets in. The English name is optional; Thai is shown where it is missing.
/// </summary>
public sealed record SchoolGroup(
    int Number,
    string NameTh,
    string? NameEn,
    string? ChairEmail,
    string? ViceChairEmail,
    string? TeamId,
    string? ChannelId)
{
    public string Title(Language language) => DirectoryNames.Pick(NameTh, NameEn, language);
}
