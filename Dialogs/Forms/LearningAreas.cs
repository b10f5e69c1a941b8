namespace SupervisionBot.Dialogs.Forms;

/// <summary>A learning area (กลุ่มสาระการเรียนรู้), stored by its code.</summary>
public sealed record LearningArea(string Code, LocalizedText Name);

/// <summary>
/// The eight learning areas of the Basic Education Core Curriculum B.E. 2551, plus student-development
/// activities, which supervision treats as a ninth area.
/// </summary>
public static class LearningAreas
{
    public static IReadOnlyList<LearningArea> All { get; } =
    [
        new("TH", new("ภาษาไทย", "Thai language")),
        new("MA", new("คณิตศาสตร์", "Mathematics")),
        new("SC", new("วิทยาศาสตร์และเทคโนโลยี", "Science and technology")),
        new("SO", new("สังคมศึกษา ศาสนา และวัฒนธรรม", "Social studies, religion and culture")),
        new("PE", new("สุขศึกษาและพลศึกษา", "Health and physical education")),
        new("AR", new("ศิลปะ", "Arts")),
        new("OC", new("การงานอาชีพ", "Occupations")),
        new("FL", new("ภาษาต่างประเทศ", "Foreign languages")),
        new("SD", new("กิจกรรมพัฒนาผู้เรียน", "Student-development activities")),
    ];

    public static LearningArea? Find(string code) => All.FirstOrDefault(a => a.Code == code);
}
