using System.Globalization;

namespace SupervisionBot.Cards;

/// <summary>
/// The fixed UI labels of our cards in both languages. Everything else on a card (form titles,
/// questions, choices) arrives already localised from the caller.
/// </summary>
public sealed record CardStrings
{
    public static CardStrings Thai { get; } = new()
    {
        Next = "ถัดไป",
        Back = "ย้อนกลับ",
        Review = "ตรวจทานคำตอบ",
        Submit = "ส่งแบบฟอร์ม",
        Edit = "แก้ไข",
        Cancel = "ยกเลิก",
        Start = "เริ่มกรอก",
        SectionProgressFormat = "ส่วนที่ {0}/{1}",
        PageProgressFormat = "(หน้า {0}/{1})",
        ReferenceNumber = "หมายเลขอ้างอิง",
        SubmittedAt = "ส่งเมื่อ",
        ReviewTitle = "ตรวจทานคำตอบก่อนส่ง",
        ReviewHint = "โปรดตรวจสอบคำตอบด้านล่าง หากต้องการแก้ไข กดปุ่ม “แก้ไข” ของส่วนนั้น",
        ReceiptTitle = "ขอบคุณ ระบบได้รับแบบฟอร์มของท่านแล้ว",
        PrivacyNoticeTitle = "การคุ้มครองข้อมูลส่วนบุคคล (PDPA)",
        CommandsTitle = "คำสั่งที่ใช้ได้",
        ErrorTitle = "ขออภัย เกิดข้อผิดพลาด",
        ErrorApology = "ระบบไม่สามารถดำเนินการตามคำขอได้ในขณะนี้ กรุณาลองใหม่อีกครั้งภายหลัง หากยังพบปัญหา โปรดแจ้งหมายเลขอ้างอิงนี้แก่เจ้าหน้าที่ไอที",
        RequiredError = "กรุณากรอกข้อมูลในช่องนี้",
        RangeErrorFormat = "กรุณาใส่ตัวเลขระหว่าง {0} ถึง {1}",
        ErrorSummaryFormat = "กรุณาแก้ไขคำตอบ {0} ข้อที่มีข้อความสีแดงด้านล่าง",
        Likert = ["มากที่สุด", "มาก", "ปานกลาง", "น้อย", "น้อยที่สุด"],
        ChecklistDone = "ปฏิบัติ",
        ChecklistNotDone = "ไม่ปฏิบัติ",
        ChecklistNotApplicable = "ไม่เกี่ยวข้อง",
        EvidenceNote = "หลักฐาน / บันทึกเพิ่มเติม",
        ChoosePlaceholder = "เลือก…",
    };

    public static CardStrings English { get; } = new()
    {
        Next = "Next",
        Back = "Back",
        Review = "Review answers",
        Submit = "Submit",
        Edit = "Edit",
        Cancel = "Cancel",
        Start = "Start",
        SectionProgressFormat = "Section {0} of {1}",
        PageProgressFormat = "(page {0} of {1})",
        ReferenceNumber = "Reference number",
        SubmittedAt = "Submitted",
        ReviewTitle = "Review your answers",
        ReviewHint = "Please check your answers below. To change a section, choose its Edit button.",
        ReceiptTitle = "Thank you, your form has been received",
        PrivacyNoticeTitle = "Privacy notice (PDPA)",
        CommandsTitle = "Commands",
        ErrorTitle = "Sorry, something went wrong",
        ErrorApology = "We couldn't complete your request just now. Please try again later. If it keeps happening, quote this reference number to IT support.",
        RequiredError = "Please fill in this field",
        RangeErrorFormat = "Please enter a number from {0} to {1}",
        ErrorSummaryFormat = "Please correct the answers marked in red below ({0}).",
        Likert = ["Very high", "High", "Moderate", "Low", "Very low"],
        ChecklistDone = "Done",
        ChecklistNotDone = "Not done",
        ChecklistNotApplicable = "Not applicable",
        EvidenceNote = "Evidence / notes",
        ChoosePlaceholder = "Choose…",
    };

    public static CardStrings For(Language language) => language switch
    {
        Language.Thai => Thai,
        Language.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown card language."),
    };

    /// <summary>Shown for a question left unanswered, in both languages.</summary>
    public const string EmptyAnswer = "—";

    public required string Next { get; init; }

    public required string Back { get; init; }

    public required string Review { get; init; }

    public required string Submit { get; init; }

    public required string Edit { get; init; }

    public required string Cancel { get; init; }

    public required string Start { get; init; }

    public required string SectionProgressFormat { get; init; }

    public required string PageProgressFormat { get; init; }

    public required string ReferenceNumber { get; init; }

    public required string SubmittedAt { get; init; }

    public required string ReviewTitle { get; init; }

    public required string ReviewHint { get; init; }

    public required string ReceiptTitle { get; init; }

    public required string PrivacyNoticeTitle { get; init; }

    public required string CommandsTitle { get; init; }

    public required string ErrorTitle { get; init; }

    public required string ErrorApology { get; init; }

    public required string RequiredError { get; init; }

    public required string RangeErrorFormat { get; init; }

    /// <summary>Above the fields when the server sent some back, since on a phone the first error may be off screen.</summary>
    public required string ErrorSummaryFormat { get; init; }

    /// <summary>The five Likert levels from 5 (highest) down to 1.</summary>
    public required IReadOnlyList<string> Likert { get; init; }

    public required string ChecklistDone { get; init; }

    public required string ChecklistNotDone { get; init; }

    public required string ChecklistNotApplicable { get; init; }

    public required string EvidenceNote { get; init; }

    public required string ChoosePlaceholder { get; init; }

    /// <summary>"ส่วนที่ 2/5", or "ส่วนที่ 2/5 (หน้า 1/2)" when the section is split over pages.</summary>
    public string SectionProgress(int current, int total, int page = 1, int pages = 1) =>
        pages > 1
            ? string.Format(CultureInfo.InvariantCulture, SectionProgressFormat, current, total) + " " +
              string.Format(CultureInfo.InvariantCulture, PageProgressFormat, page, pages)
            : string.Format(CultureInfo.InvariantCulture, SectionProgressFormat, current, total);

    public string ErrorSummary(int count) => string.Format(CultureInfo.InvariantCulture, ErrorSummaryFormat, count);

    public string RangeError(double min, double max) =>
        string.Format(CultureInfo.InvariantCulture, RangeErrorFormat, min, max);
}
