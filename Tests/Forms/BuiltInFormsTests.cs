using System.Text.RegularExpressions;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Forms;

public partial class BuiltInFormsTests
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();

    public static TheoryData<string> FormIds() => new(Catalogue.Forms.Select(f => f.Id));

    [Fact]
    public void One_built_in_form_of_each_kind()
    {
        Assert.Equal(Enum.GetValues<FormKind>().Order(), Catalogue.Forms.Select(f => f.Kind).Order());
        Assert.Equal(
            ["active-learning-observation", "administration-supervision", "centre-semester-report", "collaboration-follow-up",
             "group-meeting-record", "iqa-follow-up", "learning-area-teaching-problems", "research-record",
             "school-administration-needs", "self-assessment-report", "success-indicator-follow-up", "supervision-satisfaction",
             "teaching-supervision"],
            Catalogue.Forms.Select(f => f.Id));
    }

    [Fact]
    public void Forms_are_listed_by_role()
    {
        Assert.Equal(["learning-area-teaching-problems", "school-administration-needs", "self-assessment-report", "supervision-satisfaction"],
            Catalogue.ForRole(RespondentRole.Teacher).Select(f => f.Id));
        Assert.Equal(["centre-semester-report"], Catalogue.ForRole(RespondentRole.CentreChair).Select(f => f.Id));
        Assert.Equal(["collaboration-follow-up"], Catalogue.ForRole(RespondentRole.UnitHead).Select(f => f.Id));
    }

    [Theory]
    [InlineData("ประเมิน", "supervision-satisfaction")]
    [InlineData(" Satisfaction ", "supervision-satisfaction")]
    [InlineData("สังเกตการสอน", "active-learning-observation")]
    [InlineData("งานวิจัย", "research-record")]
    [InlineData("รายงานศูนย์", "centre-semester-report")]
    public void Chat_commands_open_their_form(string typed, string formId) =>
        Assert.Equal(formId, Catalogue.FindByCommand(typed)?.Id);

    [Fact]
    public void Unknown_command_opens_nothing() => Assert.Null(Catalogue.FindByCommand("สวัสดี"));

    [Theory]
    [InlineData("active-learning-observation")]
    [InlineData("group-meeting-record")]
    [InlineData("iqa-follow-up")]
    [InlineData("learning-area-teaching-problems")]
    [InlineData("school-administration-needs")]
    [InlineData("success-indicator-follow-up")]
    [InlineData("supervision-satisfaction")]
    public void A_changed_form_offers_its_new_version_and_keeps_the_old_one_readable(string formId)
    {
        var offered = Catalogue.Find(formId)!;
        var older = Catalogue.Find(formId, 1)!;

        Assert.Equal(2, offered.Version);
        Assert.Same(offered, Catalogue.Find(formId, 2));
        Assert.Equal(1, older.Version);
        Assert.DoesNotContain(older, Catalogue.Forms);
        Assert.Null(Catalogue.Find(formId, 3));
    }

    /// <summary>Readers are named in the privacy notice, which is what tells a respondent who will see the answers.</summary>
    [Theory]
    [MemberData(nameof(FormIds))]
    public void Every_form_names_who_reads_it_in_its_privacy_notice(string formId)
    {
        var form = Catalogue.Find(formId)!;

        Assert.NotEmpty(form.Settings.Readers);
        Assert.All(form.Settings.Readers, reader => Assert.Contains(ReaderNames[reader], form.Settings.PrivacyNotice.Th));
    }

    [Theory]
    [InlineData("active-learning-observation")]
    [InlineData("iqa-follow-up")]
    [InlineData("administration-supervision")]
    [InlineData("teaching-supervision")]
    public void Visit_forms_record_school_group_date_year_semester_and_mode(string formId)
    {
        var form = Catalogue.Find(formId)!;

        Assert.Equal(PickerSource.School, Assert.IsType<PickerItem>(form.FindItem("school")).Source);
        Assert.Equal(PickerSource.Group, Assert.IsType<PickerItem>(form.FindItem("school-group")).Source);
        Assert.IsType<DateItem>(form.FindItem("visit-date"));
        Assert.Equal(2561m, Assert.IsType<NumberItem>(form.FindItem("academic-year")).Min);
        Assert.Equal(["semester-1", "semester-2"], Assert.IsType<ChoiceItem>(form.FindItem("semester")).Choices.Select(c => c.Value));
        Assert.Equal(["onsite", "online", "blended"], Assert.IsType<ChoiceItem>(form.FindItem("mode")).Choices.Select(c => c.Value));
        Assert.All(["school", "school-group", "visit-date", "academic-year", "semester", "mode"], id => Assert.True(form.FindItem(id)!.Required));
    }

    [Fact]
    public void Needs_survey_rates_every_topic_for_its_current_and_desired_state()
    {
        var form = Catalogue.Find("school-administration-needs")!;

        Assert.Equal(new PriorityNeedsSeries("current", "desired"), form.Settings.PriorityNeeds);
        Assert.Equal(["respondent", "academic", "budget", "personnel", "general", "other"], form.Sections.Select(s => s.Id));
        Assert.Equal(["ด้านการบริหารงานวิชาการ", "ด้านการบริหารงานงบประมาณ", "ด้านการบริหารงานบุคคล", "ด้านการบริหารงานทั่วไป"],
            form.Sections.Skip(1).Take(4).Select(s => s.Title.Th));
        var scaled = form.Items.OfType<LikertItem>().ToArray();
        var current = scaled.Where(i => i.Series == "current").Select(i => i.Topic);
        Assert.Equal(current, scaled.Where(i => i.Series == "desired").Select(i => i.Topic));
        Assert.Equal(21, current.Count());
        Assert.All(scaled.Where(i => i.Series == "current"), i => Assert.EndsWith(": สภาพที่เป็นจริง", i.Label.Th));
        Assert.All(scaled.Where(i => i.Series == "desired"), i => Assert.EndsWith(": สภาพที่พึงประสงค์", i.Label.Th));

        var older = Catalogue.Find("school-administration-needs", 1)!;
        Assert.Equal(["problem", "need"], older.Settings.Series.Select(s => s.Id));
        Assert.Null(older.Settings.PriorityNeeds);
    }

    [Fact]
    public void Iqa_follow_up_has_the_six_steps_in_the_regulation_s_words_and_three_standards()
    {
        var form = Catalogue.Find("iqa-follow-up")!;
        for (var step = 1; step <= 6; step++)
        {
            var section = form.FindSection($"step-{step}")!;
            Assert.StartsWith($"ขั้นตอนที่ {step} ", section.Title.Th);
            var done = Assert.IsType<ChecklistItem>(section.Items[0]);
            Assert.Same(ChecklistAnswers.Completion, done.Answers);
            var showWhen = section.Items[1].ShowWhen!;
            Assert.Equal($"step-{step}-done", showWhen.ItemId);
            Assert.Equal([ChecklistItem.Done], showWhen.Values);
            Assert.Equal("steps", Assert.IsType<RatingItem>(section.Items[1]).Series);
        }

        Assert.EndsWith("ติดตามผลการดำเนินการเพื่อพัฒนาสถานศึกษาให้มีคุณภาพตามมาตรฐานการศึกษา", form.FindSection("step-5")!.Title.Th);
        Assert.EndsWith("จัดส่งรายงานผลการประเมินตนเองให้แก่หน่วยงานต้นสังกัดหรือหน่วยงานที่กำกับดูแลสถานศึกษาเป็นประจำทุกปี", form.FindSection("step-6")!.Title.Th);
        var standards = form.FindSection("standards")!.Items.OfType<RatingItem>().ToArray();
        Assert.Equal(3, standards.Length);
        Assert.All(standards, s => Assert.Equal("standards", s.Series));
        Assert.Equal("ยอดเยี่ยม", form.Settings.Scoring.Find(4.51m).Label.Th);
    }

    [Fact]
    public void Checklist_items_word_their_answers_to_fit_the_question()
    {
        var observation = Catalogue.Find("active-learning-observation")!;
        var lessonPlan = Assert.IsType<ChecklistItem>(observation.FindItem("lesson-plan"));

        Assert.Equal("มี", lessonPlan.AnswerLabel(ChecklistItem.Done)!.Th);
        Assert.Equal("ไม่มี", lessonPlan.AnswerLabel(ChecklistItem.NotDone)!.Th);
        Assert.Equal("ยังไม่ได้ดำเนินการ", Assert.IsType<ChecklistItem>(Catalogue.Find("iqa-follow-up")!.FindItem("step-6-done")).AnswerLabel(ChecklistItem.NotDone)!.Th);
        Assert.Equal("ไม่ปฏิบัติ", Assert.IsType<ChecklistItem>(Catalogue.Find("administration-supervision")!.FindItem("budget-procurement")).AnswerLabel(ChecklistItem.NotDone)!.Th);
    }

    [Fact]
    public void Satisfaction_form_keeps_items_that_are_not_about_satisfaction_out_of_its_scale_and_mean()
    {
        var form = Catalogue.Find("supervision-satisfaction")!;
        Assert.True(form.Settings.Anonymous);
        var satisfaction = form.Items.OfType<LikertItem>().Where(i => i.Series is null).ToArray();
        Assert.All(satisfaction, i => Assert.Same(FiveLevelScale.Satisfaction, i.Scale));
        Assert.Equal(["supervisor", "process", "results"], form.Sections.Where(s => s.Items.All(i => i is LikertItem)).Select(s => s.Id));

        foreach (var id in (string[])["motivation", "wish-follow-up"])
        {
            var item = Assert.IsType<LikertItem>(form.FindItem(id));
            Assert.Same(FiveLevelScale.Likert, item.Scale);
            Assert.Equal("opinion", item.Series);
        }

        Assert.Equal("ประสบการณ์การทำงาน", form.FindItem("years-of-service")!.Label.Th);
    }

    [Fact]
    public void Teaching_problems_survey_asks_about_raising_achievement_and_names_student_development_activities()
    {
        var form = Catalogue.Find("learning-area-teaching-problems")!;
        var picker = Assert.IsType<PickerItem>(form.FindItem("learning-area"));

        Assert.Equal(["TH", "MA", "SC", "SO", "PE", "AR", "OC", "FL", "SD"], picker.KnownValues!);
        Assert.Contains("กิจกรรมพัฒนาผู้เรียน", picker.Label.Th);
        Assert.Equal("กิจกรรมพัฒนาผู้เรียน", LearningAreas.Find("SD")!.Name.Th);
        Assert.Equal(4, form.FindSection("achievement-problems")!.Items.OfType<LikertItem>().Count(i => i.Series == "problem"));
        Assert.Contains("การยกระดับผลสัมฤทธิ์ทางการเรียน", form.Title.Th);
        Assert.Equal("ประสบการณ์การสอน", form.FindItem("years-of-service")!.Label.Th);
    }

    [Fact]
    public void Meeting_record_follows_the_official_minutes_and_records_the_semester()
    {
        var form = Catalogue.Find("group-meeting-record")!;
        var labels = form.Items.Select(i => i.Label.Th).ToArray();

        Assert.StartsWith("รายงานการประชุม", form.Title.Th);
        Assert.All(
            ["ครั้งที่", "ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม", "เริ่มประชุมเวลา", "เลิกประชุมเวลา", "ผู้จดรายงานการประชุม", "ผู้ตรวจรายงานการประชุม", "ภาคเรียน"],
            label => Assert.Contains(label, labels));
        Assert.Equal(5, labels.Count(l => l.StartsWith("ระเบียบวาระที่ ", StringComparison.Ordinal)));
        Assert.Equal(PickerSource.Group, Assert.IsType<PickerItem>(form.FindItem("school-group")).Source);
    }

    [Fact]
    public void Success_indicators_are_the_schools_criteria_with_scope_and_a_target()
    {
        var form = Catalogue.Find("success-indicator-follow-up")!;

        Assert.Equal(["administration", "teaching"], Assert.IsType<ChoiceItem>(form.FindItem("area")).Choices.Select(c => c.Value));
        var learningArea = form.FindItem("learning-area")!.ShowWhen!;
        Assert.Equal("area", learningArea.ItemId);
        Assert.Equal(["teaching"], learningArea.Values);
        Assert.Equal(PickerSource.School, Assert.IsType<PickerItem>(form.FindItem("school")).Source);
        Assert.Equal(PickerSource.Group, Assert.IsType<PickerItem>(form.FindItem("school-group")).Source);
        Assert.True(form.FindItem("target")!.Required);
        Assert.DoesNotContain(RespondentRole.UnitHead, form.Settings.Roles);
    }

    [Fact]
    public void Self_assessment_report_covers_the_three_standards_on_the_five_quality_levels()
    {
        var form = Catalogue.Find("self-assessment-report")!;

        for (var standard = 1; standard <= 3; standard++)
        {
            var section = form.FindSection($"standard-{standard}")!;
            Assert.StartsWith($"มาตรฐานที่ {standard} ", section.Title.Th);
            Assert.Same(FiveLevelScale.Quality, Assert.IsType<RatingItem>(section.Items[0]).Scale);
            Assert.Equal(["evidence", "strengths", "to-develop", "plans"], section.Items.Skip(1).Select(i => i.Id[$"standard-{standard}-".Length..]));
        }

        Assert.Equal([RespondentRole.Teacher, RespondentRole.Director], form.Settings.Roles.Order());
        Assert.Contains(RespondentRole.Supervisor, form.Settings.Readers);
    }

    [Fact]
    public void Administration_supervision_covers_the_four_domains_in_the_manual_s_words()
    {
        var form = Catalogue.Find("administration-supervision")!;

        Assert.Equal(["ด้านการบริหารงานวิชาการ", "ด้านการบริหารงานงบประมาณ", "ด้านการบริหารงานบุคคล", "ด้านการบริหารงานทั่วไป"],
            form.Sections.Skip(1).Take(4).Select(s => s.Title.Th));
        Assert.All(form.Sections.Skip(1).Take(4), s =>
        {
            Assert.Contains(s.Items, i => i is ChecklistItem);
            Assert.Single(s.Items.OfType<RatingItem>());
            Assert.Contains(s.Items, i => i.Id.EndsWith("-strengths", StringComparison.Ordinal));
            Assert.Contains(s.Items, i => i.Id.EndsWith("-recommendations", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Centre_report_and_research_record_use_the_centre_and_learning_area_pickers()
    {
        var centre = Catalogue.Find("centre-semester-report")!;
        Assert.Equal(PickerSource.Centre, Assert.IsType<PickerItem>(centre.FindItem("centre")).Source);
        Assert.Equal(PickerSource.LearningArea, Assert.IsType<PickerItem>(centre.FindItem("learning-area")).Source);
        Assert.IsType<ChoiceItem>(centre.FindItem("semester"));

        var research = Catalogue.Find("research-record")!;
        Assert.All(["title", "researchers", "year", "learning-area", "method", "sample", "findings", "use"], id => Assert.NotNull(research.FindItem(id)));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Privacy_notice_names_the_controller_and_the_retention_period(string formId)
    {
        var settings = Catalogue.Find(formId)!.Settings;

        Assert.Contains("สพม.กท 1", settings.PrivacyNotice.Th);
        Assert.Contains("(DPO)", settings.PrivacyNotice.Th);
        Assert.Contains($"เก็บไว้ {settings.RetentionYears} ปี", settings.PrivacyNotice.Th);
        Assert.Contains($"kept for {settings.RetentionYears} years", settings.PrivacyNotice.En);
        Assert.DoesNotMatch(@"\d{3}[- ]?\d{3,4}", settings.PrivacyNotice.Th + settings.PrivacyNotice.En);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Anonymous_forms_ask_nothing_that_names_a_person_or_school(string formId)
    {
        var form = Catalogue.Find(formId)!;
        if (form.Settings.Anonymous)
        {
            Assert.DoesNotContain(form.Items, i => i is PickerItem { Source: PickerSource.Teacher or PickerSource.School });
        }
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Sections_fit_on_a_phone(string formId) =>
        Assert.All(Catalogue.Find(formId)!.Sections, s => Assert.InRange(s.Items.Count, 1, 16));

    /// <summary>
    /// Every Thai text in the file reaches the model exactly as written: no escaping, trimming or
    /// Unicode normalisation (Thai vowels and tone marks are combining characters, easy to reorder).
    /// </summary>
    [Theory]
    [MemberData(nameof(FormIds))]
    public void Thai_text_round_trips_unchanged(string formId)
    {
        var raw = ReadRaw(formId);
        Assert.DoesNotContain("\\u", raw);
        var inFile = ThaiValue().Matches(raw).Select(m => m.Groups[1].Value).ToArray();

        var inModel = ThaiTexts(Catalogue.Find(formId)!).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(inFile);
        Assert.All(inFile, th => Assert.Contains(th, inModel));
    }

    private static IEnumerable<string> ThaiTexts(FormDefinition form)
    {
        IEnumerable<LocalizedText?> texts =
        [
            form.Title, form.Description, form.Settings.PrivacyNotice,
            .. form.Settings.Series.Select(s => s.Label),
            form.Settings.Scoring.Name,
            .. form.Settings.Scoring.Bands.Select(b => b.Label),
            .. form.Sections.SelectMany(s => new[] { s.Title, s.Description }),
            .. form.Items.SelectMany(ItemTexts),
        ];
        return texts.OfType<LocalizedText>().Select(t => t.Th);
    }

    private static IEnumerable<LocalizedText?> ItemTexts(FormItem item) =>
        new[] { item.Label, item.Help }.Concat(item switch
        {
            ChoiceItem choice => choice.Choices.Select(c => (LocalizedText?)c.Label),
            ChecklistItem checklist => [checklist.Evidence, checklist.Answers.Done, checklist.Answers.NotDone],
            ScaledItem scaled => scaled.Scale.HighestFirst().Select(l => (LocalizedText?)l.Label),
            _ => [],
        });

    private static string ReadRaw(string formId)
    {
        var assembly = typeof(FormCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream($"SupervisionBot.Dialogs.Forms.Catalogue.{formId}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly Dictionary<RespondentRole, string> ReaderNames = new()
    {
        [RespondentRole.Teacher] = "ครู",
        [RespondentRole.Director] = "ผู้อำนวยการสถานศึกษา",
        [RespondentRole.GroupChair] = "ประธานกลุ่มโรงเรียน",
        [RespondentRole.GroupViceChair] = "รองประธานกลุ่มโรงเรียน",
        [RespondentRole.CentreChair] = "ประธานศูนย์พัฒนาวิชาการ",
        [RespondentRole.Supervisor] = "ศึกษานิเทศก์",
        [RespondentRole.UnitHead] = "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
        [RespondentRole.AreaDirector] = "ผู้อำนวยการ สพม.กท 1",
        [RespondentRole.Admin] = "ผู้ดูแลระบบ",
    };

    [GeneratedRegex("\"th\": \"([^\"\\\\]*)\"")]
    private static partial Regex ThaiValue();
}
