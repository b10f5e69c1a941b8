using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>What the office calls each role, for messages that say who may do something.</summary>
public static class RoleNames
{
    private static readonly IReadOnlyDictionary<RespondentRole, LocalizedText> Names = new Dictionary<RespondentRole, LocalizedText>
    {
        [RespondentRole.Teacher] = new("ครู", "teachers"),
        [RespondentRole.Director] = new("ผู้อำนวยการสถานศึกษา", "school directors"),
        [RespondentRole.GroupChair] = new("ประธานกลุ่มโรงเรียน", "school-group chairs"),
        [RespondentRole.GroupViceChair] = new("รองประธานกลุ่มโรงเรียน", "school-group vice-chairs"),
        [RespondentRole.CentreChair] = new("ประธานศูนย์พัฒนาวิชาการ", "centre chairs"),
        [RespondentRole.Supervisor] = new("ศึกษานิเทศก์", "supervisors"),
        [RespondentRole.UnitHead] = new("ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "the head of the supervision unit"),
        [RespondentRole.AreaDirector] = new("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", "the area director"),
        [RespondentRole.Admin] = new("ผู้ดูแลระบบ", "admins"),
    };

    public static LocalizedText Of(RespondentRole role) => Names[role];

    /// <summary>"ศึกษานิเทศก์และผู้ดูแลระบบ" / "supervisors and admins".</summary>
    public static LocalizedText Join(IEnumerable<RespondentRole> roles)
    {
        var names = roles.Select(Of).ToArray();
        return names.Length == 1
            ? names[0]
            : new LocalizedText(
                string.Join(" ", names[..^1].Select(n => n.Th)) + " และ" + names[^1].Th,
                string.Join(", ", names[..^1].Select(n => n.En)) + " and " + names[^1].En);
    }
}
