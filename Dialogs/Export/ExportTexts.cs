using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Export;

/// <summary>What the chat export says, Thai first.</summary>
public static class ExportTexts
{
    public static string PersonalChatOnly(Language language) => language == Language.Thai
        ? "ไฟล์คำตอบส่งได้เฉพาะในแชตส่วนตัวกับบอต โปรดพิมพ์ “ส่งออก” ในแชตส่วนตัว"
        : "Response files are sent only in your personal chat with the bot: type “export” there.";

    public static string NoForms(Language language) => language == Language.Thai
        ? "ยังไม่มีแบบฟอร์มที่ท่านมีสิทธิ์อ่านคำตอบ จึงส่งออกไม่ได้"
        : "There is no form whose responses you may read, so there is nothing to export.";

    public static string ChooseForm(Language language) => language == Language.Thai ? "โปรดเลือกแบบฟอร์ม" : "Choose a form.";

    public static string BadGroup(Language language) => language == Language.Thai ? "ไม่พบกลุ่มโรงเรียนที่เลือก" : "That school group is not in the directory.";

    public static string DateProblem(ExportDateProblem problem, Language language) => (problem, language) switch
    {
        (ExportDateProblem.BadFrom, Language.Thai) => "วันเริ่มต้นไม่ถูกต้อง โปรดใช้รูปแบบ 1/11/2569 หรือ 2026-11-01",
        (ExportDateProblem.BadFrom, _) => "The start date is not a date: type e.g. 2026-11-01 or 1/11/2569 (B.E.).",
        (ExportDateProblem.BadTo, Language.Thai) => "วันสิ้นสุดไม่ถูกต้อง โปรดใช้รูปแบบ 30/11/2569 หรือ 2026-11-30",
        (ExportDateProblem.BadTo, _) => "The end date is not a date: type e.g. 2026-11-30 or 30/11/2569 (B.E.).",
        (_, Language.Thai) => "วันเริ่มต้นอยู่หลังวันสิ้นสุด โปรดตรวจสอบช่วงวันที่",
        _ => "The start date is after the end date.",
    };

    public static string NotYours(Language language) => language == Language.Thai
        ? "ขออภัย ท่านส่งออกคำตอบนี้ไม่ได้ ท่านส่งออกได้เฉพาะแบบฟอร์มที่ท่านมีสิทธิ์อ่านคำตอบ และเฉพาะโรงเรียน กลุ่มโรงเรียน หรือเขตพื้นที่ที่ท่านรับผิดชอบ"
        : "Sorry, you may not export these responses: only forms whose responses you may read, for the school, school group or area you are responsible for.";

    public static string Offered(Language language) => language == Language.Thai
        ? "กด “อนุญาต” บนการ์ดไฟล์ด้านล่าง แล้วบอตจะส่งไฟล์ให้ในแชตนี้"
        : "Press “Allow” on the file card below and the bot will send the file in this chat.";

    public static string SummaryHasNoDates(Language language) => language == Language.Thai
        ? "สรุปผลนับจากคำตอบทั้งหมด จึงเลือกช่วงวันที่ไม่ได้ โปรดลบวันที่ออก หรือเลือกส่งออกคำตอบ"
        : "A summary counts every response, so it takes no dates: clear the dates, or export the responses.";

    /// <summary>The consent card's description: what, of which form, which scope, which days.</summary>
    public static string Description(string formTitle, string scopeTitle, ExportFilter filter, ExportContent content, Language language)
    {
        var thai = language == Language.Thai;
        var what = (content, thai) switch
        {
            (ExportContent.Summary, true) => "สรุปผลแบบฟอร์ม ",
            (ExportContent.Summary, false) => "Summary of ",
            (_, true) => "คำตอบแบบฟอร์ม ",
            _ => "Responses to ",
        };
        var parts = new List<string> { what + formTitle, scopeTitle };
        if (filter.CampaignId is { } campaign)
        {
            parts.Add((thai ? "แคมเปญ " : "campaign ") + campaign);
        }
        var from = filter.From is { } f ? ThaiDates.FormatDate(f, language) : null;
        var to = filter.To is { } t ? ThaiDates.FormatDate(t, language) : null;
        if (from is not null || to is not null)
        {
            parts.Add((from, to, thai) switch
            {
                (null, _, true) => $"ส่งถึงวันที่ {to}",
                (null, _, false) => $"submitted up to {to}",
                (_, null, true) => $"ส่งตั้งแต่วันที่ {from}",
                (_, null, false) => $"submitted from {from}",
                (_, _, true) => $"ส่งวันที่ {from} ถึง {to}",
                _ => $"submitted {from} to {to}",
            });
        }
        return string.Join(" · ", parts);
    }

    public static string Ready(int count, Language language) => language == Language.Thai
        ? string.Create(CultureInfo.InvariantCulture, $"ไฟล์คำตอบ {count} รายการ")
        : string.Create(CultureInfo.InvariantCulture, $"{count} response(s).");

    public static string SummaryReady(long respondents, Language language) => language == Language.Thai
        ? string.Create(CultureInfo.InvariantCulture, $"ไฟล์สรุปผลจากผู้ตอบ {respondents} คน")
        : string.Create(CultureInfo.InvariantCulture, $"Summary of {respondents} respondent(s).");

    public static string Declined(Language language) => language == Language.Thai
        ? "ไม่ได้ส่งไฟล์ หากต้องการภายหลัง พิมพ์ “ส่งออก” อีกครั้ง"
        : "No file was sent. Type “export” again whenever you want it.";

    public static string Busy(Language language) => language == Language.Thai
        ? "ขณะนี้มีไฟล์รอส่งจำนวนมาก โปรดพิมพ์ “ส่งออก” อีกครั้งในอีกสักครู่"
        : "Many files are waiting to be sent just now: type “export” again in a little while.";

    public static string UploadFailed(string errorId, Language language) => language == Language.Thai
        ? $"ขออภัย ส่งไฟล์ไม่สำเร็จ โปรดพิมพ์ “ส่งออก” แล้วลองอีกครั้ง (รหัสอ้างอิง {errorId})"
        : $"Sorry, the file could not be sent. Type “export” and try again (reference {errorId}).";
}
