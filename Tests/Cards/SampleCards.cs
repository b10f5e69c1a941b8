using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;

namespace SupervisionBot.Tests.Cards;

/// <summary>Realistic view models for every builder, in Thai and English, covering every field kind.</summary>
internal static class SampleCards
{
    public static JsonObject FormData(int section) => new() { ["formId"] = "observation", ["section"] = section, ["stateVersion"] = 7 };

    public static WelcomeView Welcome { get; } = new(
        "ผู้ช่วยนิเทศ สพม.กท 1",
        "บอทนี้ช่วยศึกษานิเทศก์และครูกรอกแบบนิเทศ แบบประเมินความพึงพอใจ และแบบสำรวจความต้องการ ผ่าน Microsoft Teams",
        [
            new CommandView("เมนู", "แสดงแบบฟอร์มที่ท่านกรอกได้"),
            new CommandView("สถานะ", "ดูแบบฟอร์มที่ยังกรอกไม่เสร็จ"),
            new CommandView("ช่วยเหลือ", "แสดงข้อความนี้อีกครั้ง"),
        ],
        [new ButtonView("เปิดเมนูแบบฟอร์ม", "menu.show")]);

    public static MenuView Menu { get; } = new(
        "แบบฟอร์มที่กรอกได้",
        "เลือกแบบฟอร์มที่ต้องการกรอก",
        [
            new FormEntryView("observation", "แบบนิเทศการจัดการเรียนรู้เชิงรุก", "บันทึกการสังเกตชั้นเรียน Active Learning ประมาณ 15 นาที"),
            new FormEntryView("satisfaction", "แบบประเมินความพึงพอใจต่อการนิเทศ", "ประเมินการนิเทศที่ได้รับ 5 ระดับ ประมาณ 5 นาที"),
        ]);

    public static FormSectionView FirstSection(Language language) => new()
    {
        FormTitle = language == Language.Thai ? "แบบนิเทศการจัดการเรียนรู้เชิงรุก" : "Active-learning observation",
        SectionTitle = language == Language.Thai ? "ข้อมูลทั่วไป" : "General information",
        SectionDescription = language == Language.Thai ? "ข้อมูลการนิเทศครั้งนี้" : "About this visit",
        SectionNumber = 1,
        SectionCount = 4,
        PrivacyNotice = language == Language.Thai
            ? "สพม.กท 1 เก็บข้อมูลนี้เพื่อการนิเทศ ติดตามการจัดการศึกษาตามอำนาจหน้าที่ เก็บรักษา 3 ปีการศึกษา ท่านขอเข้าถึงหรือแก้ไขข้อมูลได้ที่กลุ่มนิเทศฯ"
            : "The office keeps this data for its supervision duties for 3 academic years. Ask the supervision unit to see or correct it.",
        Fields =
        [
            new FieldView { Id = "visitDate", Kind = FieldKind.Date, Label = "วันที่นิเทศ", IsRequired = true, Value = "2025-06-12", MaxDate = new DateOnly(2026, 5, 15) },
            new FieldView
            {
                Id = "school", Kind = FieldKind.SingleChoice, Label = "โรงเรียน", IsRequired = true,
                Choices = [.. Enumerable.Range(1, 8).Select(i => new ChoiceView($"S{i:00}", $"โรงเรียนตัวอย่างวิทยา {i}"))],
            },
            new FieldView
            {
                Id = "area", Kind = FieldKind.SingleChoice, Label = "กลุ่มสาระการเรียนรู้",
                Choices = [new("TH", "ภาษาไทย"), new("MA", "คณิตศาสตร์"), new("SC", "วิทยาศาสตร์และเทคโนโลยี")], Value = "MA",
            },
            new FieldView { Id = "students", Kind = FieldKind.Number, Label = "จำนวนนักเรียน", Min = 1, Max = 60, Value = "35", HelpText = "นับเฉพาะนักเรียนที่อยู่ในห้องขณะสังเกต" },
            new FieldView { Id = "topic", Kind = FieldKind.ShortText, Label = "เรื่องที่สอน", MaxLength = 200, Error = "กรุณาระบุเรื่องที่สอน" },
        ],
        ActionData = FormData(1),
    };

    public static FormSectionView RatingSection { get; } = new()
    {
        FormTitle = "แบบนิเทศการจัดการเรียนรู้เชิงรุก",
        SectionTitle = "การจัดการเรียนรู้",
        SectionNumber = 4,
        SectionCount = 4,
        Fields =
        [
            new FieldView { Id = "q1", Kind = FieldKind.Likert5, Label = "ครูใช้คำถามกระตุ้นการคิด", IsRequired = true, Value = "4" },
            new FieldView
            {
                Id = "q2", Kind = FieldKind.QualityRating, Label = "คุณภาพแผนการจัดการเรียนรู้",
                Descriptors = ["ยังไม่มีแผน", "มีแผนแต่ไม่ชัดเจน", "แผนชัดเจนบางส่วน", "แผนชัดเจน มีกิจกรรมเชิงรุก", "แผนชัดเจน กิจกรรมหลากหลาย วัดผลตามสภาพจริง"],
            },
            new FieldView { Id = "q3", Kind = FieldKind.ChecklistItem, Label = "ใช้สื่อและเทคโนโลยีประกอบการสอน", EvidenceId = "q3.evidence", Value = ChecklistValues.Done, EvidenceValue = "ใช้ Kahoot ทบทวนบทเรียน" },
            new FieldView
            {
                Id = "q4", Kind = FieldKind.MultipleChoice, Label = "รูปแบบกิจกรรมที่พบ",
                Choices = [new("group", "งานกลุ่ม"), new("project", "โครงงาน"), new("game", "เกม")], Value = "group,game",
            },
            new FieldView { Id = "strengths", Kind = FieldKind.LongText, Label = "จุดเด่น", MaxLength = 1000, Placeholder = "เช่น นักเรียนมีส่วนร่วมสูง" },
        ],
        ActionData = FormData(4),
    };

    public static IReadOnlyList<AnswerSectionView> Answers(bool editable) =>
    [
        new("ข้อมูลทั่วไป", [new("วันที่นิเทศ", "12 มิถุนายน 2568"), new("โรงเรียน", "โรงเรียนตัวอย่างวิทยา 3"), new("เรื่องที่สอน", null)], editable ? FormData(1) : null),
        new("การจัดการเรียนรู้", [new("ครูใช้คำถามกระตุ้นการคิด", "4 – มาก"), new("จุดเด่น", "นักเรียนมีส่วนร่วมสูง ทำงานกลุ่มได้ดี")], editable ? FormData(4) : null),
    ];

    /// <summary>Every builder's output, named for the files the checker reports.</summary>
    public static IReadOnlyDictionary<string, AdaptiveCard> All() => new Dictionary<string, AdaptiveCard>
    {
        ["welcome-th"] = WelcomeCard.Build(Welcome, Language.Thai),
        ["error-th"] = ErrorCard.Build("ERR-20250612-7F3A", Language.Thai),
        ["error-en"] = ErrorCard.Build("ERR-20250612-7F3A", Language.English),
        ["message-th"] = MessageCard.Build(new MessageView(
            "การ์ดนี้ไม่เป็นปัจจุบันแล้ว", "แบบฟอร์มนี้มีการแก้ไขในอีกหน้าต่างหนึ่ง กดปุ่มด้านล่างเพื่อเปิดฉบับล่าสุด",
            [new ButtonView("เปิดฉบับล่าสุด", "form.resume", new JsonObject { ["formId"] = "observation" })])),
        ["menu-th"] = MenuCard.Build(Menu, Language.Thai),
        ["form-first-th"] = FormSectionCard.Build(FirstSection(Language.Thai), Language.Thai),
        ["form-first-en"] = FormSectionCard.Build(FirstSection(Language.English), Language.English),
        ["form-last-th"] = FormSectionCard.Build(RatingSection, Language.Thai),
        ["review-th"] = ReviewCard.Build(new ReviewView("แบบนิเทศการจัดการเรียนรู้เชิงรุก", Answers(editable: true), FormData(5)), Language.Thai),
        ["receipt-th"] = ReceiptCard.Build(new ReceiptView("แบบนิเทศการจัดการเรียนรู้เชิงรุก", "OBS-2568-00042", "12 มิ.ย. 2568 14:35 น.", Answers(editable: false)), Language.Thai),
    };
}
