using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>What the bot says about visits, Thai first, each saying how to put things right.</summary>
public static class VisitTexts
{
    public static LocalizedText Status(VisitStatus status) => status switch
    {
        VisitStatus.Scheduled => new("นัดหมายแล้ว", "Scheduled"),
        VisitStatus.Reminded => new("แจ้งเตือนแล้ว", "Reminded"),
        VisitStatus.InProgress => new("กำลังนิเทศ", "In progress"),
        VisitStatus.Completed => new("นิเทศเสร็จแล้ว", "Completed"),
        VisitStatus.Missed => new("เลยกำหนด (ไม่ได้ส่งแบบนิเทศ)", "Missed (no checklist submitted)"),
        VisitStatus.Cancelled => new("ยกเลิกแล้ว", "Cancelled"),
        VisitStatus.Rescheduled => new("เลื่อนนัดแล้ว", "Rescheduled"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Every status needs words here."),
    };

    public static LocalizedText Mode(VisitMode mode) => mode switch
    {
        VisitMode.Onsite => new("ลงพื้นที่ (Onsite)", "Onsite"),
        VisitMode.Online => new("ออนไลน์ (Online)", "Online"),
        VisitMode.Blended => new("ผสมผสาน (Blended)", "Blended"),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Every mode needs words here."),
    };

    public static LocalizedText UnknownSchool(string code) => new(
        $"ไม่พบโรงเรียนรหัส “{code}” ในทำเนียบ",
        $"There is no school “{code}” in the directory");

    public static LocalizedText NotASupervisor(string email) => new(
        $"“{email}” ไม่ใช่ศึกษานิเทศก์ในทำเนียบ",
        $"“{email}” is not a supervisor in the directory");

    public static LocalizedText OnlyForYourself { get; } = new(
        "ท่านนัดหมายการนิเทศได้เฉพาะของตนเอง ผู้ดูแลระบบเท่านั้นที่นัดหมายแทนศึกษานิเทศก์ท่านอื่นได้",
        "You can schedule only your own visits; only an admin can schedule for another supervisor");

    public static LocalizedText NotAChecklist(string formId, IEnumerable<string> checklists) => new(
        $"“{formId}” ไม่ใช่แบบนิเทศ ใช้ได้: {string.Join(" ", checklists)}",
        $"“{formId}” is not a visit checklist; use one of: {string.Join(", ", checklists)}");

    public static LocalizedText UnknownTeacher(string email) => new(
        $"ไม่พบครู “{email}” ในทำเนียบ",
        $"There is no teacher “{email}” in the directory");

    public static LocalizedText TeacherElsewhere(string email, string school) => new(
        $"ครู “{email}” ไม่ได้อยู่ที่{school}",
        $"Teacher “{email}” is not at {school}");

    public static LocalizedText EndBeforeStart { get; } = new(
        "เวลาสิ้นสุดต้องหลังเวลาเริ่ม (ภายในวันเดียวกัน)",
        "The end time must be after the start time (on the same day)");

    public static LocalizedText InThePast { get; } = new(
        "วันและเวลาที่เลือกผ่านไปแล้ว โปรดเลือกเวลาข้างหน้า",
        "That date and time have already passed; choose a time ahead");

    public static LocalizedText Holiday(DateOnly date, Holiday holiday) => new(
        $"{ThaiDates.FormatDate(date, Language.Thai)} เป็นวันหยุด ({holiday.NameThai}) โปรดเลือกวันทำการ",
        $"{ThaiDates.FormatDate(date, Language.English)} is a holiday ({holiday.NameEnglish}); choose a working day");

    public static LocalizedText Weekend(DateOnly date) => new(
        $"{ThaiDates.FormatDate(date, Language.Thai)} เป็นวันเสาร์หรืออาทิตย์ โปรดเลือกวันทำการ",
        $"{ThaiDates.FormatDate(date, Language.English)} is a weekend; choose a working day");

    public static LocalizedText SameTime { get; } = new(
        "วันและเวลาใหม่ตรงกับเวลาเดิม โปรดเลือกเวลาอื่น",
        "The new date and time are the same as before; choose another time");

    public static LocalizedText AlreadyAtThatTime { get; } = new(
        "มีการนิเทศโรงเรียนนี้ของท่านในเวลานั้นอยู่แล้ว",
        "You already have a visit to this school at that time");

    public static LocalizedText NoSuchVisit { get; } = new(
        "ไม่พบการนิเทศนี้ อาจถูกลบไปแล้ว พิมพ์ “การนิเทศของฉัน” เพื่อดูรายการล่าสุด",
        "This visit was not found; type “my visits” to see the current list");

    public static LocalizedText OnlyTheSupervisor(string name) => new(
        $"ขออภัย ยกเลิกหรือเลื่อนการนิเทศนี้ได้เฉพาะศึกษานิเทศก์ผู้รับผิดชอบ ({name}) หรือผู้ดูแลระบบเท่านั้น หากต้องการเปลี่ยนแปลง โปรดติดต่อ{name}",
        $"Sorry, only the visit's supervisor ({name}) or an admin can cancel or reschedule this visit. Please ask {name}.");

    public static LocalizedText NoLongerOpen(VisitStatus status) => new(
        $"การนิเทศนี้{Status(status).Th} จึงเปลี่ยนแปลงไม่ได้",
        $"This visit is {Status(status).En.ToLowerInvariant()}, so it can no longer be changed");
}
