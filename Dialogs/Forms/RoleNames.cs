using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>The roles of the area office as people call them, for telling a user who may fill a form.</summary>
public static class RoleNames
{
    private static readonly Dictionary<RespondentRole, LocalizedText> Names = new()
    {
        [RespondentRole.Teacher] = new("ครู", "teachers"),
        [RespondentRole.Director] = new("ผู้อำนวยการสถานศึกษา", "school directors"),
        [RespondentRole.GroupChair] = new("ประธานกลุ่มโรงเรียน", "school group chairs"),
        [RespondentRole.GroupViceChair] = new("รองประธานกลุ่มโรงเรียน", "school group vice-chairs"),
        [RespondentRole.CentreChair] = new("ประธานศูนย์พัฒนาวิชาการ", "academic development centre chairs"),
        [RespondentRole.Supervisor] = new("ศึกษานิเทศก์", "supervisors"),
        [RespondentRole.UnitHead] = new("ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "the head of the supervision unit"),
        [RespondentRole.AreaDirector] = new("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "the area director"),
        [RespondentRole.Admin] = new("ผู้ดูแลระบบ", "system administrators"),
    };

    public static string Of(RespondentRole role, Language language) => Names[role].Get(language);

    /// <summary>"ครู และศึกษานิเทศก์" / "teachers and supervisors", in the enum's order.</summary>
    public static string List(IEnumerable<RespondentRole> roles, Language language) => Join(roles).Get(language);

    /// <summary>The same list in both languages, for messages built before the reader's language is known.</summary>
    public static LocalizedText Join(IEnumerable<RespondentRole> roles)
    {
        var names = roles.Order().Select(role => Names[role]).ToList();
        return names.Count <= 1
            ? new LocalizedText(string.Concat(names.Select(n => n.Th)), string.Concat(names.Select(n => n.En)))
            : new LocalizedText(
                string.Join(" ", names[..^1].Select(n => n.Th)) + " และ" + names[^1].Th,
                string.Join(", ", names[..^1].Select(n => n.En)) + " and " + names[^1].En);
    }
}
