using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

public class FormValidatorTests
{
    private static readonly FormDefinition Form = FormDefinitionLoader.Load("""
        {
          "id": "visit-record",
          "version": 3,
          "kind": "classroom-observation",
          "title": { "th": "บันทึกการนิเทศ", "en": "Visit record" },
          "description": { "th": "คำอธิบาย", "en": "Description" },
          "settings": {
            "roles": ["supervisor"],
            "readers": ["unit-head"],
            "anonymous": false,
            "privacyNotice": { "th": "ประกาศความเป็นส่วนตัว", "en": "Privacy notice" },
            "retention": { "years": 3 }
          },
          "sections": [
            {
              "id": "visit",
              "title": { "th": "การนิเทศ", "en": "Visit" },
              "items": [
                { "id": "visit-date", "kind": "date", "label": { "th": "วันที่", "en": "Date" }, "required": true, "min": "2025-05-16", "max": "2026-05-15" },
                { "id": "area", "kind": "picker", "source": "learningArea", "label": { "th": "กลุ่มสาระ", "en": "Learning area" }, "required": true },
                { "id": "students", "kind": "number", "label": { "th": "จำนวนนักเรียน", "en": "Students" }, "min": 1, "max": 60 },
                { "id": "hours", "kind": "number", "integer": false, "label": { "th": "ชั่วโมง", "en": "Hours" } },
                { "id": "methods", "kind": "multipleChoice", "label": { "th": "วิธีการ", "en": "Methods" },
                  "choices": [
                    { "value": "observe", "label": { "th": "สังเกตการสอน", "en": "Observation" } },
                    { "value": "coach", "label": { "th": "การชี้แนะ", "en": "Coaching" } },
                    { "value": "plc", "label": { "th": "PLC", "en": "PLC" } }
                  ] },
                { "id": "plan", "kind": "checklist", "label": { "th": "มีแผนการจัดการเรียนรู้", "en": "Lesson plan" }, "required": true,
                  "evidence": { "th": "หลักฐาน", "en": "Evidence" } },
                { "id": "plan-quality", "kind": "rating", "label": { "th": "คุณภาพของแผน", "en": "Plan quality" }, "required": true,
                  "showWhen": { "item": "plan", "equals": "done" } },
                { "id": "climate", "kind": "likert", "notApplicable": true, "label": { "th": "บรรยากาศ", "en": "Climate" }, "required": true },
                { "id": "note", "kind": "shortText", "maxLength": 10, "label": { "th": "หมายเหตุ", "en": "Note" } }
              ]
            },
            {
              "id": "follow-up",
              "title": { "th": "การติดตาม", "en": "Follow-up" },
              "items": [
                { "id": "coach-notes", "kind": "longText", "label": { "th": "บันทึกการชี้แนะ", "en": "Coaching notes" }, "required": true,
                  "showWhen": { "item": "methods", "in": ["coach"] } }
              ]
            }
          ]
        }
        """, "visit-record.json");

    private static readonly FormValidator Validator = new(new LearningAreaPickerChoices());

    private static Dictionary<string, string?> ValidVisit() => new()
    {
        ["visit-date"] = "2025-06-20",
        ["area"] = "SC",
        ["students"] = "35",
        ["plan"] = "done",
        ["plan.evidence"] = "แผนหน่วยที่ 2",
        ["plan-quality"] = "4",
        ["climate"] = "5",
    };

    private static Task<SectionValidation> Validate(Dictionary<string, string?> submitted, Language language = Language.Thai, FormAnswers? earlier = null, string section = "visit") =>
        Validator.ValidateSectionAsync(Form, section, submitted, earlier ?? FormAnswers.Empty, language).AsTask();

    private static Dictionary<string, string?> VisitWith(string key, string? value)
    {
        var submitted = ValidVisit();
        submitted[key] = value;
        return submitted;
    }

    [Fact]
    public async Task Valid_section_is_normalised_and_kept()
    {
        var result = await Validate(VisitWith("methods", " plc , observe "));

        Assert.True(result.IsValid);
        Assert.Equal("observe,plc", result.Answers.Get("methods")); // choice order, not typing order
        Assert.Equal("แผนหน่วยที่ 2", result.Answers.Get("plan.evidence"));
        Assert.Null(result.Answers.Get("note"));
    }

    [Fact]
    public async Task Missing_required_answers_are_reported_in_the_users_language()
    {
        var thai = await Validate(VisitWith("area", "  "));
        var english = await Validate(VisitWith("area", null), Language.English);

        Assert.Equal(new AnswerError("area", AnswerProblem.Required, "กรุณาตอบข้อนี้"), Assert.Single(thai.Errors));
        Assert.Equal("Please answer this question.", Assert.Single(english.Errors).Message);
    }

    [Theory]
    [InlineData("area", "XX")]                // not a learning area
    [InlineData("plan", "yes")]               // not a checklist value
    [InlineData("plan-quality", "6")]         // rating beyond 5
    [InlineData("climate", "0")]              // Likert below 1
    [InlineData("methods", "observe,hack")]   // one bad value spoils a multiple choice
    [InlineData("methods", ",,")]
    public async Task Tampered_choice_values_are_rejected(string itemId, string value)
    {
        var result = await Validate(VisitWith(itemId, value));

        var error = Assert.Single(result.Errors);
        Assert.Equal((itemId, AnswerProblem.NotAChoice), (error.Key, error.Problem));
        Assert.Null(result.Answers.Get(itemId));
    }

    [Fact]
    public async Task Not_applicable_is_accepted_only_where_the_item_allows_it()
    {
        var allowed = await Validate(VisitWith("climate", ScaledItem.NotApplicable));
        var refused = await Validate(VisitWith("plan-quality", ScaledItem.NotApplicable));

        Assert.True(allowed.IsValid);
        Assert.Equal(AnswerProblem.NotAChoice, Assert.Single(refused.Errors).Problem);
    }

    [Theory]
    [InlineData("students", "๓๕", "35")]
    [InlineData("plan-quality", "๔", "4")]
    [InlineData("visit-date", "๒๐๒๕-๐๖-๒๐", "2025-06-20")]
    [InlineData("hours", "1,250.50", "1250.5")]
    [InlineData("hours", "-๐.๕", "-0.5")]
    public async Task Thai_digits_and_separators_are_stored_as_latin_numbers(string itemId, string typed, string stored)
    {
        var result = await Validate(VisitWith(itemId, typed));

        Assert.True(result.IsValid);
        Assert.Equal(stored, result.Answers.Get(itemId));
    }

    [Theory]
    [InlineData("students", "สามสิบ", AnswerProblem.NotANumber, "กรุณากรอกเป็นตัวเลข")]
    [InlineData("students", "35.5", AnswerProblem.NotAnInteger, "กรุณากรอกเป็นจำนวนเต็ม")]
    [InlineData("students", "0", AnswerProblem.BelowMinimum, "ต้องไม่น้อยกว่า 1")]
    [InlineData("students", "61", AnswerProblem.AboveMaximum, "ต้องไม่เกิน 60")]
    [InlineData("visit-date", "31/02/2569", AnswerProblem.NotADate, "กรุณาระบุวันที่เป็น วว/ดด/ปปปป (ปี พ.ศ.) เช่น 16/05/2568 หรือ ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2025-05-16")]
    [InlineData("visit-date", "20 มิ.ย.", AnswerProblem.NotADate, "กรุณาระบุวันที่เป็น วว/ดด/ปปปป (ปี พ.ศ.) เช่น 16/05/2568 หรือ ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2025-05-16")]
    [InlineData("visit-date", "2568-06-20", AnswerProblem.BuddhistEraYear, "กรุณาระบุปีเป็น ค.ศ. เช่น 2025 แทน พ.ศ. 2568")]
    [InlineData("visit-date", "2025-05-15", AnswerProblem.BeforeEarliest, "ต้องไม่ก่อนวันที่ 16 พฤษภาคม 2568")]
    [InlineData("visit-date", "2026-05-16", AnswerProblem.AfterLatest, "ต้องไม่เกินวันที่ 15 พฤษภาคม 2569")]
    public async Task Numbers_and_dates_out_of_shape_or_range(string itemId, string typed, AnswerProblem problem, string message)
    {
        var result = await Validate(VisitWith(itemId, typed));

        Assert.Equal(new AnswerError(itemId, problem, message), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("20/06/2568")]
    [InlineData("๒๐/๐๖/๒๕๖๘")]
    [InlineData("20/6/2568")]
    [InlineData("2025-06-20")]
    public async Task Dates_typed_with_a_Buddhist_Era_year_are_stored_as_ISO(string typed)
    {
        var result = await Validate(VisitWith("visit-date", typed));

        Assert.True(result.IsValid);
        Assert.Equal("2025-06-20", result.Answers.Get("visit-date"));
    }

    [Fact]
    public async Task English_date_message_uses_the_gregorian_year()
    {
        var result = await Validate(VisitWith("visit-date", "2025-05-15"), Language.English);

        Assert.Equal("Must not be before 16 May 2025.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Over_long_text_is_rejected_with_the_limit()
    {
        // 12 UTF-16 units against a limit of 10: the vowel marks ู and ี count, as they do in a card's input.
        var result = await Validate(VisitWith("note", "ครูเตรียมดี!"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("note", AnswerProblem.TooLong), (error.Key, error.Problem));
        Assert.Equal("ข้อความยาวเกินกำหนด: ไม่เกิน 10 ตัวอักษร (ขณะนี้ 12 ตัวอักษร)", error.Message);
    }

    [Fact]
    public async Task Text_at_the_limit_is_accepted()
    {
        // Exactly 10 units once the surrounding spaces are trimmed.
        var result = await Validate(VisitWith("note", "  แผนการสอน!  "));

        Assert.True(result.IsValid);
        Assert.Equal("แผนการสอน!", result.Answers.Get("note"));
    }

    [Fact]
    public async Task Over_long_evidence_is_reported_under_its_own_key()
    {
        var result = await Validate(VisitWith("plan.evidence", new string('ก', ChecklistItem.EvidenceMaxLength + 1)));

        Assert.Equal(("plan.evidence", AnswerProblem.TooLong), (Assert.Single(result.Errors).Key, result.Errors[0].Problem));
    }

    [Fact]
    public async Task Item_hidden_by_show_when_is_ignored_and_cleared()
    {
        // The plan was not done, so its quality is not asked; a stale earlier rating must not survive.
        var earlier = FormAnswers.Empty.With("plan-quality", "2");
        var submitted = VisitWith("plan", ChecklistItem.NotDone);
        submitted["plan-quality"] = "not even a number";

        var result = await Validate(submitted, earlier: earlier);

        Assert.True(result.IsValid);
        Assert.Null(result.Answers.Get("plan-quality"));
    }

    [Fact]
    public async Task Shown_conditional_item_is_required_like_any_other()
    {
        var result = await Validate(VisitWith("plan-quality", null));

        Assert.Equal(("plan-quality", AnswerProblem.Required), (Assert.Single(result.Errors).Key, result.Errors[0].Problem));
    }

    [Fact]
    public async Task Show_when_reads_answers_from_earlier_sections()
    {
        var coached = FormAnswers.Empty.With("methods", "observe,coach");
        var observedOnly = FormAnswers.Empty.With("methods", "observe");

        var asked = await Validate(new() { ["coach-notes"] = null }, earlier: coached, section: "follow-up");
        var skipped = await Validate(new() { ["coach-notes"] = "ไม่ควรเก็บ" }, earlier: observedOnly, section: "follow-up");

        Assert.Equal(AnswerProblem.Required, Assert.Single(asked.Errors).Problem);
        Assert.True(skipped.IsValid);
        Assert.Equal(observedOnly, skipped.Answers);
    }

    [Fact]
    public async Task Unknown_keys_are_ignored()
    {
        var result = await Validate(VisitWith("isAdmin", "true"));

        Assert.True(result.IsValid);
        Assert.Null(result.Answers.Get("isAdmin"));
    }

    [Fact]
    public async Task Answers_of_other_sections_are_kept()
    {
        var earlier = FormAnswers.Empty.With("coach-notes", "บันทึก");

        var result = await Validate(ValidVisit(), earlier: earlier);

        Assert.Equal("บันทึก", result.Answers.Get("coach-notes"));
        Assert.Equal("SC", result.Answers.Get("area"));
    }

    [Fact]
    public void Submission_time_is_kept_in_utc()
    {
        var bangkok = new DateTimeOffset(2025, 6, 20, 10, 0, 0, TimeSpan.FromHours(7));

        var response = new FormResponse("visit-record", 3, "VR-001", FormAnswers.Empty, bangkok, "aad-object-id");

        Assert.Equal(TimeSpan.Zero, response.SubmittedUtc.Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 20, 3, 0, 0, TimeSpan.Zero), response.SubmittedUtc);
    }
}
