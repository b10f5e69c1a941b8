using System.Globalization;
using System.Text;

namespace SupervisionBot.Dialogs.Commands;

/// <summary>The commands the bot understands, in the order the help card lists them.</summary>
public static class CommandCatalogue
{
    /// <summary>
    /// Every command, in the order the help card lists them. Teams' command menu holds ten at most:
    /// the manifest lists the first ten (<see cref="MenuSize"/>), the ones people reach for most.
    /// </summary>
    public static IReadOnlyList<ChatCommand> All { get; } =
    [
        new(CommandKind.Forms, "แบบฟอร์ม", "forms", "รายการแบบฟอร์มที่ท่านกรอกได้", "The forms you can fill in"),
        new(CommandKind.Survey, "แบบสำรวจ", "survey", "แบบสำรวจสภาพปัญหาและความต้องการจำเป็น", "Needs and problems surveys"),
        new(CommandKind.Visit, "นิเทศ", "visit", "แบบนิเทศ ติดตาม (สังเกตการสอน ประกันคุณภาพ การบริหาร การจัดการเรียนการสอน ตัวชี้วัด)", "Supervision visit forms (observation, IQA, administration, teaching, indicators)"),
        new(CommandKind.Satisfaction, "ประเมิน", "satisfaction", "แบบประเมินความพึงพอใจต่อการนิเทศ (ไม่ระบุตัวตน)", "Satisfaction with supervision (anonymous)"),
        new(CommandKind.Meeting, "ประชุม", "meeting", "รายงานการประชุมคณะกรรมการกลุ่มโรงเรียน", "School-group meeting record"),
        new(CommandKind.ScheduleVisit, "นัดนิเทศ", "schedule", "นัดหมายการนิเทศโรงเรียน (ศึกษานิเทศก์)", "Schedule a supervision visit (supervisors)"),
        new(CommandKind.MyVisits, "การนิเทศของฉัน", "my visits", "การนิเทศรายสัปดาห์ เลื่อนนัด ยกเลิก และรายการภาคเรียน", "Your visits by week: reschedule, cancel, semester list"),
        new(CommandKind.Summary, "สรุป", "summary", "สรุปผลแบบฟอร์ม เช่น “สรุป ประเมิน กลุ่ม 1” หรือ “สรุป แบบสำรวจ โรงเรียน 1010”", "A form's results, e.g. “summary satisfaction group 1” or “summary survey school 1010”"),
        new(CommandKind.Status, "สถานะ", "status", "แบบฟอร์มที่กำลังกรอกอยู่", "The form you are filling in now"),
        new(CommandKind.Help, "ช่วยเหลือ", "help", "แสดงคำแนะนำการใช้งานและคำสั่งทั้งหมด", "Show this guide and all commands"),
        new(CommandKind.Resume, "ทำต่อ", "resume", "กรอกแบบฟอร์มที่ค้างไว้ต่อ", "Continue your unfinished form"),
        new(CommandKind.Cancel, "ยกเลิก", "cancel", "ยกเลิกแบบฟอร์มที่กำลังกรอก (ไม่บันทึกคำตอบ)", "Cancel the form you are filling in (nothing is saved)"),
        new(CommandKind.Language, "ภาษา", "language", "เปลี่ยนภาษา เช่น “ภาษา อังกฤษ” หรือ “language thai”", "Switch language, e.g. “language thai” or “ภาษา อังกฤษ”"),
        new(CommandKind.FollowUps, "ติดตามงาน", "follow-ups", "งานที่ต้องติดตามจากการนิเทศและการประชุม เช่น “ติดตามงาน 10010001” หรือ “ติดตามงาน กลุ่ม 2”", "Follow-up actions from visits and meetings, e.g. “follow-ups 10010001” or “follow-ups group 2”"),
        new(CommandKind.Timeline, "ไทม์ไลน์", "timeline", "ลำดับเหตุการณ์ของโรงเรียน: แบบสำรวจ การนิเทศ และงานที่ต้องติดตาม เช่น “ไทม์ไลน์ 10010001”", "A school's timeline: surveys, visits and follow-ups, e.g. “timeline 10010001”"),
        new(CommandKind.StartCampaign, "ส่งแบบสำรวจ", "campaign", "ส่งแบบสำรวจถึงผู้รับจำนวนมาก (ศึกษานิเทศก์และผู้ดูแลระบบ)", "Send a survey to many people (supervisors and admins)"),
        new(CommandKind.MyCampaigns, "แบบสำรวจของฉัน", "my campaigns", "แบบสำรวจที่ท่านส่ง: ผู้ตอบ ผู้ที่ยังไม่ตอบ ส่งซ้ำ ขยายเวลา ปิด", "Surveys you sent: who answered, who has not, resend, extend, close"),
        new(CommandKind.Reach, "ติดต่อได้", "reach", "ใครติดต่อทางแชตได้บ้างในแต่ละโรงเรียน เช่น “ติดต่อได้ S0001” (ศึกษานิเทศก์และผู้ดูแลระบบ)", "Who can be reached in chat at each school, e.g. “reach S0001” (supervisors and admins)"),
        new(CommandKind.Export, "ส่งออก", "export", "ส่งออกคำตอบแบบฟอร์มเป็นไฟล์ CSV หรือ Excel ในแชตส่วนตัว (ผู้มีสิทธิ์อ่านคำตอบ)", "A form's responses as a CSV or Excel file in the personal chat (for those who may read them)"),
    ];

    /// <summary>How many commands Teams' command menu shows (the manifest schema's limit per list).</summary>
    public const int MenuSize = 10;

    public static ChatCommand Get(CommandKind kind) => All.First(c => c.Kind == kind);

    /// <summary>
    /// The command the text names, or null. Case, surrounding spaces, a leading slash and Thai
    /// composed/decomposed forms are ignored; anything after the keyword is the command's argument.
    /// </summary>
    public static (ChatCommand Command, string Argument)? Parse(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC).Trim().TrimStart('/').Trim();
        // Longest keyword first, so a keyword that begins with another (none today) still wins.
        foreach (var command in All.OrderByDescending(c => Math.Max(c.ThaiKeyword.Length, c.EnglishKeyword.Length)))
        {
            foreach (var keyword in (string[])[command.ThaiKeyword, command.EnglishKeyword])
            {
                // Thai is written without spaces between words: "ภาษาอังกฤษ" is the language command with an argument.
                var joinedArgument = command.Kind == CommandKind.Language && keyword == command.ThaiKeyword;
                if (normalized.StartsWith(keyword, true, CultureInfo.InvariantCulture)
                    && (normalized.Length == keyword.Length || char.IsWhiteSpace(normalized[keyword.Length]) || joinedArgument))
                {
                    return (command, normalized[keyword.Length..].Trim());
                }
            }
        }
        return null;
    }
}
