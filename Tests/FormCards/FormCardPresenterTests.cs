using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.CardExport;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Cards;

namespace SupervisionBot.Tests.FormCards;

public class FormCardPresenterTests
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();
    private static readonly IPickerChoices NoDirectory = new LearningAreaPickerChoices();
    private static readonly FormCardPresenter Presenter = new(NoDirectory);
    private static readonly FormValidator Validator = new(NoDirectory);

    public static TheoryData<string> FormIds() => [.. Catalogue.Forms.Select(form => form.Id)];

    private static FormDefinition Form(string id) => Catalogue.Find(id)!;

    private static JsonObject Data() => new() { ["formId"] = "x", ["stateVersion"] = 3 };

    private static IEnumerable<string> Keys(FormItem item) => item is ChecklistItem { Evidence: not null } ? [item.Id, FormAnswers.EvidenceKey(item.Id)] : [item.Id];

    private static Task<AdaptiveCard> CardAsync(FormDefinition form, FormPage page, FormAnswers answers, IReadOnlyList<AnswerError>? errors = null, Language language = Language.Thai) =>
        Presenter.PageCardAsync(form, page, answers, errors ?? [], language, Data(), isFirstPage: false, isLastPage: false, CancellationToken.None).AsTask();

    /// <summary>What the client sends back: every input's current value under its id, in the card's value format.</summary>
    private static Dictionary<string, string?> Submitted(AdaptiveCard card) =>
        CardTree.Inputs(card).ToDictionary(input => input.Id, input => input switch
        {
            TextInput text => text.Value,
            NumberInput number => number.Value?.ToString(CultureInfo.InvariantCulture),
            DateInput date => date.Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ChoiceSetInput choice => choice.Value,
            _ => throw new InvalidOperationException($"Unexpected input {input.GetType().Name}"),
        });

    private static IEnumerable<string> Texts(AdaptiveCard card) => CardTree.Elements(card).OfType<TextBlock>().Select(block => block.Text);

    private static IEnumerable<ExecuteAction> Buttons(AdaptiveCard card) =>
        CardTree.Elements(card).OfType<ActionSet>().SelectMany(set => set.Actions).OfType<ExecuteAction>();

    [Fact]
    public async Task Progress_counts_sections_and_names_the_page_when_a_section_has_several()
    {
        var form = Form("school-administration-needs");
        var pages = FormPages.Of(form, FormAnswers.Empty);

        Assert.Contains("ส่วนที่ 2/6 (หน้า 1/2)", Texts(await CardAsync(form, pages[1], FormAnswers.Empty)));
        Assert.Contains("Section 2 of 6 (page 2 of 2)", Texts(await CardAsync(form, pages[2], FormAnswers.Empty, language: Language.English)));
        Assert.Contains("ส่วนที่ 1/6", Texts(await CardAsync(form, pages[0], FormAnswers.Empty)));
    }

    [Fact]
    public void A_stale_answer_behind_a_hidden_question_opens_nothing()
    {
        var form = Form("group-meeting-record");
        var answers = FormAnswers.Empty.With("has-follow-ups", "no").With("more-follow-ups-1", "yes").With("follow-up-2-task", "จัดทำรายงาน");

        Assert.Equal(["has-follow-ups"], FormPages.Of(form, answers).Where(page => page.SectionId == "follow-ups").SelectMany(page => page.Items).Select(item => item.Id));
        Assert.DoesNotContain("จัดทำรายงาน", Texts(FormCardPresenter.ReviewCard(form, answers, Language.Thai, Data())));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public async Task Pages_are_the_same_for_the_same_form_and_answers(string formId)
    {
        var form = Form(formId);
        var answers = await SampleAnswers.ValidAsync(form, NoDirectory, Language.Thai, CancellationToken.None);

        var first = FormPages.Of(form, answers);
        var second = FormPages.Of(form, answers);

        Assert.Equal(first.Select(Describe), second.Select(Describe));
        Assert.Equal(CardJson.Serialize(await CardAsync(form, first[^1], answers)), CardJson.Serialize(await CardAsync(form, second[^1], answers)));

        static string Describe(FormPage page) => $"{page.SectionId}:{page.PageInSection}/{page.PagesInSection}:{string.Join(',', page.Items.Select(item => item.Id))}";
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public async Task What_a_page_submits_passes_the_validator_and_fills_the_page_again_unchanged(string formId)
    {
        var form = Form(formId);
        var sample = await SampleAnswers.ValidAsync(form, NoDirectory, Language.Thai, CancellationToken.None);

        foreach (var page in FormPages.Of(form, sample))
        {
            var pageKeys = page.Items.SelectMany(Keys).ToList();
            var before = pageKeys.Aggregate(sample, (answers, key) => answers.With(key, null));
            var shown = await CardAsync(form, page, sample);
            var submitted = Submitted(shown);

            var checkedPage = await Validator.ValidateItemsAsync(page.Items, submitted, before, Language.Thai);

            Assert.Equal(pageKeys.Order(StringComparer.Ordinal), submitted.Keys.Order(StringComparer.Ordinal));
            Assert.Empty(checkedPage.Errors);
            Assert.Equal(sample, checkedPage.Answers);
            Assert.Equal(submitted, Submitted(await CardAsync(form, page, checkedPage.Answers)));
        }
    }

    [Fact]
    public async Task Checklist_inputs_use_the_stored_values_and_the_evidence_key()
    {
        var form = Form("iqa-follow-up");
        var page = FormPages.Of(form, FormAnswers.Empty).First(page => page.SectionId == "step-1");
        var answers = FormAnswers.Empty.With("step-1-done", ChecklistItem.NotDone).With("step-1-done.evidence", "ประกาศมาตรฐาน");

        var inputs = CardTree.Inputs(await CardAsync(form, page, answers)).ToDictionary(input => input.Id);

        var status = Assert.IsType<ChoiceSetInput>(inputs["step-1-done"]);
        Assert.Equal(ChecklistItem.Values, status.Choices.Select(choice => choice.Value));
        Assert.Equal(["ดำเนินการแล้ว", "ยังไม่ได้ดำเนินการ", "ไม่เกี่ยวข้อง"], status.Choices.Select(choice => choice.Title));
        Assert.Equal("not-done", status.Value);
        var evidence = Assert.IsType<TextInput>(inputs[FormAnswers.EvidenceKey("step-1-done")]);
        Assert.Equal(("ประกาศมาตรฐาน", ChecklistItem.EvidenceMaxLength), (evidence.Value, evidence.MaxLength));
        Assert.StartsWith("หลักฐาน เช่น ประกาศมาตรฐานการศึกษา", evidence.Label);
    }

    [Fact]
    public async Task Errors_are_shown_under_their_field_and_an_evidence_error_under_its_checklist_item()
    {
        var form = Form("iqa-follow-up");
        var page = FormPages.Of(form, FormAnswers.Empty).First(page => page.SectionId == "step-1");
        var result = await Validator.ValidateItemsAsync(page.Items, SampleAnswers.Bad(page.Items), FormAnswers.Empty, Language.Thai);

        var card = await CardAsync(form, page, result.Answers, result.Errors);

        Assert.Equal(["step-1-done", "step-1-done.evidence"], result.Errors.Select(error => error.Key));
        var field = Assert.Single(card.Body.OfType<Container>(), container => container.Items.OfType<CardInput>().Any(input => input.Id == "step-1-done"));
        var error = Assert.IsType<TextBlock>(field.Items[^1]);
        Assert.Equal(TextColor.Attention, error.Color);
        Assert.Contains("กรุณาตอบข้อนี้", error.Text);
        Assert.Contains("ข้อความยาวเกินกำหนด: ไม่เกิน 1,000 ตัวอักษร", error.Text);
        Assert.Contains("กรุณาแก้ไขคำตอบ 1 ข้อที่มีข้อความสีแดงด้านล่าง", Texts(card));
    }

    [Fact]
    public async Task A_rejected_number_or_date_shown_again_as_typed_leaves_its_input_empty()
    {
        var form = Form("group-meeting-record");
        var page = FormPages.Of(form, FormAnswers.Empty)[0];
        var typed = FormAnswers.Empty.With("meeting-number", "๑,๒๐๐").With("meeting-date", "24/11/2569");

        var inputs = CardTree.Inputs(await CardAsync(form, page, typed)).ToDictionary(input => input.Id);

        Assert.Null(Assert.IsType<NumberInput>(inputs["meeting-number"]).Value);
        Assert.Null(Assert.IsType<DateInput>(inputs["meeting-date"]).Value);
    }

    [Fact]
    public async Task The_first_page_shows_the_privacy_notice_and_no_back_and_the_last_offers_review()
    {
        var form = Form("supervision-satisfaction");
        var pages = FormPages.Of(form, FormAnswers.Empty);
        var data = Data();

        var first = await Presenter.PageCardAsync(form, pages[0], FormAnswers.Empty, [], Language.Thai, data, isFirstPage: true, isLastPage: false, CancellationToken.None);
        var last = await Presenter.PageCardAsync(form, pages[^1], FormAnswers.Empty, [], Language.Thai, data, isFirstPage: false, isLastPage: true, CancellationToken.None);

        Assert.Contains(form.Settings.PrivacyNotice.Th, Texts(first));
        Assert.DoesNotContain(form.Settings.PrivacyNotice.Th, Texts(last));
        Assert.Equal([CardVerbs.FormNext, CardVerbs.FormCancel], Buttons(first).Select(button => button.Verb));
        Assert.Equal([CardVerbs.FormBack, CardVerbs.FormReview, CardVerbs.FormCancel], Buttons(last).Select(button => button.Verb));
        Assert.All(Buttons(first).Concat(Buttons(last)), button => Assert.True(JsonNode.DeepEquals(data, button.Data)));
    }

    [Fact]
    public async Task Without_a_directory_a_school_is_typed_and_the_validator_takes_the_text()
    {
        var form = Form("iqa-follow-up");
        var page = FormPages.Of(form, FormAnswers.Empty)[0];

        var school = Assert.IsType<TextInput>(CardTree.Inputs(await CardAsync(form, page, FormAnswers.Empty)).Single(input => input.Id == "school"));
        var english = Assert.IsType<TextInput>(CardTree.Inputs(await CardAsync(form, page, FormAnswers.Empty, language: Language.English)).Single(input => input.Id == "school"));

        Assert.Equal(("พิมพ์ชื่อโรงเรียน", PickerItem.FreeTextMaxLength, true), (school.Placeholder, school.MaxLength, school.IsRequired));
        Assert.Equal("Type the school name", english.Placeholder);
        var typed = await Validator.ValidateItemsAsync([form.FindItem("school")!], new Dictionary<string, string?> { ["school"] = "  โรงเรียนสตรีวิทยา  " }, FormAnswers.Empty, Language.Thai);
        Assert.Equal(("โรงเรียนสตรีวิทยา", 0), (typed.Answers.Get("school"), typed.Errors.Count));
        var blank = await Validator.ValidateItemsAsync([form.FindItem("school")!], new Dictionary<string, string?> { ["school"] = " " }, FormAnswers.Empty, Language.Thai);
        Assert.Equal(AnswerProblem.Required, Assert.Single(blank.Errors).Problem);
        var tooLong = await Validator.ValidateItemsAsync([form.FindItem("school")!], new Dictionary<string, string?> { ["school"] = new string('ก', 201) }, FormAnswers.Empty, Language.Thai);
        Assert.Equal(AnswerProblem.TooLong, Assert.Single(tooLong.Errors).Problem);
    }

    [Fact]
    public async Task With_a_configured_directory_schools_and_teachers_are_chosen_from_it()
    {
        var pickers = new ConfiguredPickerChoices(new Dictionary<PickerSource, IReadOnlyList<PickerChoice>>
        {
            [PickerSource.School] = [new PickerChoice("1010720001", "โรงเรียนสตรีวิทยา"), new PickerChoice("1010720002", "โรงเรียนเทพศิรินทร์")],
            [PickerSource.Teacher] = [new PickerChoice("t-17", "นางสาวสุนิสา ใจดี")],
        });
        var presenter = new FormCardPresenter(pickers);
        var validator = new FormValidator(pickers);
        var form = Form("active-learning-observation");
        var page = FormPages.Of(form, FormAnswers.Empty)[0];

        var inputs = CardTree.Inputs(await presenter.PageCardAsync(form, page, FormAnswers.Empty, [], Language.Thai, Data(), true, false, CancellationToken.None)).ToDictionary(input => input.Id);

        Assert.Equal(["โรงเรียนสตรีวิทยา", "โรงเรียนเทพศิรินทร์"], Assert.IsType<ChoiceSetInput>(inputs["school"]).Choices.Select(choice => choice.Title));
        Assert.Equal(["t-17"], Assert.IsType<ChoiceSetInput>(inputs["teacher"]).Choices.Select(choice => choice.Value));
        Assert.Equal(9, Assert.IsType<ChoiceSetInput>(inputs["learning-area"]).Choices.Count);
        var chosen = await validator.ValidateItemsAsync(page.Items, new Dictionary<string, string?> { ["school"] = "1010720002", ["teacher"] = "someone-else" }, FormAnswers.Empty, Language.Thai);
        Assert.Equal("1010720002", chosen.Answers.Get("school"));
        Assert.Contains(chosen.Errors, error => error is { Key: "teacher", Problem: AnswerProblem.NotAChoice });
    }

    [Fact]
    public async Task Review_and_receipt_show_labels_not_codes()
    {
        var observation = Form("active-learning-observation");
        var answers = (await SampleAnswers.ValidAsync(observation, NoDirectory, Language.Thai, CancellationToken.None))
            .With("prior-knowledge", "4").With("learning-area", "MA").With("follow-up-date", null);
        var response = new FormResponse(observation.Id, observation.Version, "SB1-2569-000042", answers, new DateTimeOffset(2026, 11, 24, 3, 15, 0, TimeSpan.Zero), null);

        foreach (var card in new[] { FormCardPresenter.ReviewCard(observation, answers, Language.Thai, Data()), FormCardPresenter.ReceiptCard(observation, response, Language.Thai) })
        {
            Assert.Equal("24 พฤศจิกายน 2568", CardText.AnswerTo(card, "วันที่นิเทศ"));
            Assert.Equal("คณิตศาสตร์", CardText.AnswerTo(card, "กลุ่มสาระการเรียนรู้"));
            Assert.Equal(((ChoiceItem)observation.FindItem("class")!).Choices[0].Label.Th, CardText.AnswerTo(card, "ชั้น"));
            Assert.Equal("4 – มาก", CardText.AnswerTo(card, observation.FindItem("prior-knowledge")!.Label.Th));
            Assert.Equal("มี · หลักฐาน: แผนการจัดการเรียนรู้หน่วยที่ 3 และภาพถ่ายกิจกรรมกลุ่ม", CardText.AnswerTo(card, observation.FindItem("lesson-plan")!.Label.Th));
            Assert.Equal("—", CardText.AnswerTo(card, observation.FindItem("follow-up-date")!.Label.Th));
        }
    }

    [Fact]
    public void Review_has_an_edit_button_per_section_and_the_receipt_none()
    {
        var form = Form("supervision-satisfaction");
        var answers = FormAnswers.Empty.With("position", "teacher").With("expertise", "5");

        var review = FormCardPresenter.ReviewCard(form, answers, Language.English, Data());
        var receipt = FormCardPresenter.ReceiptCard(form, new FormResponse(form.Id, form.Version, "SB1-2569-000042", answers, new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero), null), Language.English);

        var edits = Buttons(review).Where(button => button.Verb == CardVerbs.FormEdit).ToList();
        Assert.Equal(form.Sections.Select(section => section.Id), edits.Select(button => button.Data![FormCardPresenter.SectionKey]!.GetValue<string>()));
        Assert.All(edits, button => Assert.Equal(3, button.Data!["stateVersion"]!.GetValue<int>()));
        Assert.Equal([CardVerbs.FormSubmit, CardVerbs.FormCancel], Buttons(review).Where(button => button.Verb != CardVerbs.FormEdit).Select(button => button.Verb));
        Assert.Equal("Teacher", CardText.AnswerTo(review, "Position"));
        Assert.Equal("5 – Highest satisfaction", CardText.AnswerTo(review, form.FindItem("expertise")!.Label.En));
        Assert.Empty(Buttons(receipt));
        Assert.Contains(new Fact("Submitted", "1 Jan 2026, 00:00"), CardTree.Elements(receipt).OfType<FactSet>().SelectMany(set => set.Facts));
    }

    [Fact]
    public void The_menu_starts_each_form_by_id()
    {
        var card = FormCardPresenter.MenuCard(Catalogue.Forms, Language.Thai);

        Assert.All(Buttons(card), button => Assert.Equal((CardVerbs.FormStart, "เริ่มกรอก"), (button.Verb, button.Title)));
        Assert.Equal(Catalogue.Forms.Select(form => form.Id), Buttons(card).Select(button => button.Data![MenuCard.FormIdKey]!.GetValue<string>()));
        Assert.Contains("แบบประเมินความพึงพอใจต่อการนิเทศ", Texts(card));
    }

    [Fact]
    public async Task Thai_text_reaches_the_card_json_exactly_as_written()
    {
        var form = Form("supervision-satisfaction");
        var card = await CardAsync(form, FormPages.Of(form, FormAnswers.Empty)[1], FormAnswers.Empty);

        var json = CardJson.Serialize(card);

        Assert.Contains(form.Sections[1].Title.Th, json);
        Assert.Contains(form.Sections[1].Items[0].Label.Th, json);
        Assert.Contains("5 – พึงพอใจมากที่สุด", json);
        Assert.DoesNotContain("\\u0E", json, StringComparison.OrdinalIgnoreCase);
        Assert.True(Texts(card).All(text => text.IsNormalized()), "Thai text must not be re-normalised or re-encoded on the way.");
    }
}
