using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>What the visit reminder, the satisfaction invitation and the visit report say, Thai first.</summary>
public static class VisitCardTexts
{
    private static string Pick(Language language, string thai, string english) => language == Language.Thai ? thai : english;

    public static string ReminderTitle(Language l) => Pick(l, "แจ้งเตือนนัดหมายการนิเทศ", "Supervision visit reminder");

    public static string ReminderIntro(Language l, string school, string when) => Pick(l,
        $"มีนัดหมายการนิเทศที่{school} {when}",
        $"A supervision visit to {school} is coming up: {when}.");

    public static string School(Language l) => Pick(l, "โรงเรียน", "School");

    public static string Date(Language l) => Pick(l, "วันที่", "Date");

    public static string Time(Language l) => Pick(l, "เวลา", "Time");

    public static string Mode(Language l) => Pick(l, "รูปแบบการนิเทศ", "Mode");

    public static string Purpose(Language l) => Pick(l, "วัตถุประสงค์", "Purpose");

    public static string Checklist(Language l) => Pick(l, "แบบนิเทศ", "Checklist");

    public static string Supervisor(Language l) => Pick(l, "ศึกษานิเทศก์", "Supervisor");

    public static string StartChecklist(Language l) => Pick(l, "เริ่มกรอกแบบนิเทศ", "Start the checklist");

    public static string Reschedule(Language l) => Pick(l, "เลื่อนนัด", "Reschedule");

    public static string Cancel(Language l) => Pick(l, "ยกเลิกนัด", "Cancel the visit");

    public static string Unreached(Language l, string names) => Pick(l,
        $"ส่งการแจ้งเตือนถึงบุคคลต่อไปนี้ไม่ได้ เพราะไม่มีบัญชี Teams ในทำเนียบ: {names} โปรดแจ้งด้วยตนเอง",
        $"This reminder could not be sent to {names}: they have no Teams account in the directory. Please let them know yourself.");

    /// <summary>"09:00–12:00 น." / "09:00–12:00", Bangkok time.</summary>
    public static string TimeWindow(Language l, DateTimeOffset startUtc, DateTimeOffset endUtc)
    {
        var window = BangkokTime(startUtc) + "–" + BangkokTime(endUtc);
        return Pick(l, window + " น.", window);
    }

    public static string ModeName(Language l, VisitMode mode) => mode switch
    {
        VisitMode.Online => Pick(l, "ออนไลน์", "Online"),
        VisitMode.Blended => Pick(l, "ผสมผสาน (ลงพื้นที่และออนไลน์)", "Blended (onsite and online)"),
        _ => Pick(l, "ลงพื้นที่ ณ สถานศึกษา", "Onsite at the school"),
    };

    public static string SatisfactionTitle(Language l) => Pick(l, "แบบประเมินความพึงพอใจต่อการนิเทศ", "Satisfaction with the supervision");

    public static string SatisfactionInvitation(Language l, string school, string date) => Pick(l,
        $"ขอบคุณที่ร่วมรับการนิเทศที่{school} เมื่อ{date} โปรดสละเวลาตอบแบบประเมินความพึงพอใจต่อการนิเทศ แบบฟอร์มนี้ไม่บันทึกชื่อผู้ตอบ",
        $"Thank you for taking part in the supervision visit at {school} on {date}. Please take a moment to rate it: this form does not record who answers.");

    public static string Answer(Language l) => Pick(l, "ตอบแบบประเมิน", "Answer");

    public static string ReportTitle(Language l) => Pick(l, "รายงานผลการนิเทศ", "Supervision visit report");

    public static string ReportIntro(Language l, string school, string date, string supervisor) => Pick(l,
        $"ผลการนิเทศ{school} เมื่อ{date} โดย{supervisor}",
        $"Results of the supervision visit to {school} on {date} by {supervisor}.");

    public static string Scores(Language l) => Pick(l, "ผลการประเมิน", "Scores");

    public static string Overall(Language l) => Pick(l, "โดยรวม", "Overall");

    public static string Score(Language l, string mean, string? level) => level is null
        ? Pick(l, $"x̄ = {mean}", $"mean {mean}")
        : Pick(l, $"x̄ = {mean} ({level})", $"mean {mean} ({level})");

    public static string PercentDone(Language l) => Pick(l, "ร้อยละของรายการที่ปฏิบัติ", "Checklist items done");

    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Strengths(Language l) => Pick(l, "จุดเด่น", "Strengths");

    public static string ToDevelop(Language l) => Pick(l, "จุดที่ควรพัฒนา", "Points to develop");

    public static string Recommendations(Language l) => Pick(l, "ข้อเสนอแนะ", "Recommendations");

    public static string DateOf(Language l, DateTimeOffset utc) => ThaiDates.FormatDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, ThaiDates.Bangkok).DateTime), l);

    private static string BangkokTime(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, ThaiDates.Bangkok).ToString("HH:mm", CultureInfo.InvariantCulture);
}
