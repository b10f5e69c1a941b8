using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>What the form conversation says in its own words, Thai first.</summary>
public static class FillingTexts
{
    private static string Pick(Language language, string thai, string english) => language == Language.Thai ? thai : english;

    public static string StaleCardTitle(Language l) => Pick(l, "การ์ดนี้ไม่เป็นปัจจุบันแล้ว", "This card is out of date");

    public static string StaleCard(Language l) => Pick(l,
        "ท่านกดปุ่มบนการ์ดฉบับเก่า คำตอบล่าสุดของท่านยังอยู่ครบ การ์ดนี้แสดงข้อมูลล่าสุดให้แล้ว",
        "You used an older copy of this card. Your latest answers are safe; the card now shows them.");

    public static string ClosedTitle(Language l) => Pick(l, "แบบฟอร์มนี้ปิดแล้ว", "This form is closed");

    public static string Closed(Language l) => Pick(l,
        "แบบฟอร์มนี้ถูกส่งหรือยกเลิกไปแล้ว พิมพ์ “แบบฟอร์ม” เพื่อเริ่มฉบับใหม่",
        "This form was already submitted or cancelled. Type forms to start a new one.");

    public static string CancelledTitle(Language l) => Pick(l, "ยกเลิกแบบฟอร์มแล้ว", "Form cancelled");

    public static string Cancelled(Language l, string formTitle) => Pick(l,
        $"ยกเลิก “{formTitle}” แล้ว คำตอบที่กรอกไว้ไม่ถูกบันทึก",
        $"“{formTitle}” was cancelled; its answers were not saved.");

    public static string NothingOpen(Language l) => Pick(l,
        "ขณะนี้ไม่มีแบบฟอร์มที่กรอกค้างไว้ พิมพ์ “แบบฟอร์ม” เพื่อดูรายการ",
        "You have no unfinished form. Type forms to see the list.");

    public static string Status(Language l, string formTitle, string where, string started) => Pick(l,
        $"กำลังกรอก “{formTitle}” ({where}) เริ่มเมื่อ {started} พิมพ์ “ทำต่อ” เพื่อกรอกต่อ หรือพิมพ์ “ยกเลิก” เพื่อยกเลิกแบบฟอร์ม",
        $"You are filling in “{formTitle}” ({where}), started {started}. Type resume to continue or cancel to stop.");

    public static string InReview(Language l) => Pick(l, "อยู่ในขั้นตรวจทานคำตอบ", "reviewing answers");

    public static string OtherFormOpenTitle(Language l) => Pick(l, "มีแบบฟอร์มที่กรอกค้างอยู่", "You have an unfinished form");

    public static string OtherFormOpen(Language l, string openTitle) => Pick(l,
        $"ท่านกำลังกรอก “{openTitle}” อยู่ กรุณากรอกต่อให้เสร็จหรือยกเลิกก่อนเริ่มแบบฟอร์มใหม่",
        $"You are filling in “{openTitle}”. Please finish or cancel it before starting another form.");

    public static string Resume(Language l) => Pick(l, "กรอกต่อ", "Resume");

    public static string CancelIt(Language l) => Pick(l, "ยกเลิกแบบฟอร์มนั้น", "Cancel that form");

    public static string TypedWhileFilling(Language l, string formTitle) => Pick(l,
        $"ท่านกำลังกรอก “{formTitle}” อยู่ ข้อความที่พิมพ์ไม่ถูกบันทึกเป็นคำตอบ กรุณาตอบในการ์ดแล้วกด “ถัดไป” หรือพิมพ์ “ทำต่อ” “ยกเลิก” หรือ “ช่วยเหลือ”",
        $"You are filling in “{formTitle}”. Typed messages are not saved as answers: please answer on the card and press Next, or type resume, cancel or help.");

    public static string AlreadyRespondedTitle(Language l) => Pick(l, "ท่านตอบแบบฟอร์มนี้แล้ว", "You have already responded");

    public static string AlreadyResponded(Language l, string formTitle) => Pick(l,
        $"ท่านได้ตอบ “{formTitle}” แล้ว ขอบคุณสำหรับความร่วมมือ",
        $"You have already responded to “{formTitle}”. Thank you.");

    public static string NotAllowedTitle(Language l) => Pick(l, "ท่านไม่มีสิทธิ์กรอกแบบฟอร์มนี้", "Not available to you");

    public static string NotAllowed(Language l, string formTitle, string whoMayFill) => Pick(l,
        $"“{formTitle}” เป็นแบบฟอร์มสำหรับ{whoMayFill} หากท่านคิดว่าไม่ถูกต้อง โปรดติดต่อกลุ่มนิเทศฯ",
        $"“{formTitle}” is for {whoMayFill}. If you think this is wrong, please contact the supervision unit.");

    public static string UnknownForm(Language l) => Pick(l,
        "ไม่พบแบบฟอร์มนี้ ซึ่งอาจถูกยกเลิกการใช้งานแล้ว พิมพ์ “แบบฟอร์ม” เพื่อดูรายการปัจจุบัน",
        "That form was not found; it may have been retired. Type forms to see the current list.");

    public static string NoFormsTitle(Language l) => Pick(l, "ไม่มีแบบฟอร์มที่กรอกได้", "No forms");

    public static string NoForms(Language l) => Pick(l,
        "ยังไม่มีแบบฟอร์มในหมวดนี้ที่ท่านกรอกได้",
        "There is no form in this group that you can fill in.");

    public static string MovedToPersonalChat(Language l, string formTitle) => Pick(l,
        $"ส่ง “{formTitle}” ไปที่แชตส่วนตัวของท่านกับบอตแล้ว เพื่อไม่ให้คำตอบปรากฏในกลุ่ม",
        $"I sent “{formTitle}” to your personal chat with me, so your answers stay out of this group.");

    public static string OpenInPersonalChat(Language l) => Pick(l,
        "กรุณากรอกแบบฟอร์มในแชตส่วนตัวกับบอต โดยพิมพ์คำสั่งเดียวกันที่นั่น",
        "Please fill in forms in your personal chat with me; type the same command there.");

    public static string ReminderTitle(Language l) => Pick(l, "แบบฟอร์มที่ยังกรอกไม่เสร็จ", "Unfinished form");

    public static string Reminder(Language l, string formTitle, string expiresOn) => Pick(l,
        $"“{formTitle}” ยังกรอกไม่เสร็จ คำตอบที่กรอกไว้จะถูกลบเมื่อ {expiresOn} หากไม่ได้กรอกต่อ",
        $"“{formTitle}” is not finished. Its answers will be deleted on {expiresOn} unless you continue.");

    public static string ExpiredTitle(Language l) => Pick(l, "แบบฟอร์มหมดเวลาแล้ว", "Form expired");

    public static string Expired(Language l, string formTitle) => Pick(l,
        $"“{formTitle}” ไม่ได้กรอกต่อภายในเวลาที่กำหนด คำตอบที่ค้างไว้จึงถูกลบแล้ว พิมพ์ “แบบฟอร์ม” เพื่อเริ่มใหม่",
        $"“{formTitle}” was left unfinished too long and its answers were deleted. Type forms to start again.");

    public static string LanguageSet(Language l) => Pick(l, "ต่อไปนี้บอตจะใช้ภาษาไทย", "From now on I will use English.");

    public static string LanguageHelp(Language l) => Pick(l,
        "พิมพ์ “ภาษา ไทย” หรือ “ภาษา อังกฤษ”",
        "Type “language thai” or “language english”.");
}
