using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>What the campaign cards say to their owner, Thai first.</summary>
public static class CampaignTexts
{
    public static string NotFoundTitle(Language language) => language == Language.Thai ? "ไม่พบแบบสำรวจ" : "Campaign not found";

    public static string NotFound(Language language) => language == Language.Thai
        ? "ไม่พบแบบสำรวจนี้ในรายการของท่าน พิมพ์ “แบบสำรวจของฉัน” เพื่อดูรายการ"
        : "This campaign is not among yours. Type my campaigns to see them.";

    public static string ChooseAudience(Language language) => language == Language.Thai
        ? "โปรดเลือกผู้รับอย่างน้อยหนึ่งอย่าง (กลุ่มโรงเรียน โรงเรียน บทบาท หรือกลุ่มสาระ) หรือพิมพ์ผู้รับเอง"
        : "Choose at least one group, school, role or learning area, or type the audience.";

    public static string Started(Language language, int invited) => language == Language.Thai
        ? $"เริ่มแล้ว ส่งคำเชิญถึง {invited} คนทางแชตส่วนตัว"
        : $"Started: invitations are on their way to {invited} people in their personal chat.";

    public static string Resent(Language language, int count) => language == Language.Thai
        ? $"ส่งซ้ำ {count} ข้อความ"
        : $"{count} messages are being sent again.";

    public static string Extended(Language language, DateOnly closesOn) => language == Language.Thai
        ? $"ขยายเวลาถึง {ThaiDates.FormatDate(closesOn, language)} แล้ว"
        : $"Extended to {ThaiDates.FormatDate(closesOn, language)}.";

    public static string BadExtension(Language language, string? typed) => language == Language.Thai
        ? $"ขยายเวลาไม่ได้ “{typed}” ต้องเป็นวันที่ไม่ก่อนวันนี้ เช่น 31/12/2569 หรือ 2026-12-31"
        : $"Could not extend: “{typed}” must be a date from today on, e.g. 2026-12-31 or 31/12/2569 (B.E.).";

    public static string Closed(Language language) => language == Language.Thai
        ? "ปิดรับคำตอบแล้ว ระบบจะส่งสรุปผลให้ผู้เกี่ยวข้อง"
        : "Closed. The summaries are being sent to those who receive them.";

    public static string AlreadyClosed(Language language) => language == Language.Thai ? "แบบสำรวจนี้ปิดไปแล้ว" : "This campaign is already closed.";
}
