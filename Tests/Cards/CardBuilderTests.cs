using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;

namespace SupervisionBot.Tests.Cards;

public class CardBuilderTests
{
    private static IEnumerable<ExecuteAction> Executes(AdaptiveCard card) =>
        CardTree.Elements(card).OfType<ActionSet>().SelectMany(set => set.Actions).OfType<ExecuteAction>();

    private static ExecuteAction Button(AdaptiveCard card, string verb) => Assert.Single(Executes(card), action => action.Verb == verb);

    [Fact]
    public void Execute_falls_back_to_a_submit_carrying_the_same_data_and_the_verb()
    {
        var data = new JsonObject { ["formId"] = "observation", ["section"] = 2 };

        var action = CardActions.Execute("ถัดไป", CardVerbs.FormNext, data);

        var fallback = Assert.IsType<SubmitAction>(action.Fallback);
        Assert.Equal("ถัดไป", fallback.Title);
        Assert.True(JsonNode.DeepEquals(data, action.Data));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["formId"] = "observation", ["section"] = 2, ["verb"] = "form.next" }, fallback.Data));
        Assert.Null(data.Parent);
    }

    [Fact]
    public void Execute_refuses_data_that_uses_the_verb_key()
    {
        Assert.Throws<ArgumentException>(() => CardActions.Execute("x", "v", new JsonObject { ["verb"] = "other" }));
    }

    [Fact]
    public void First_section_has_the_privacy_notice_next_and_cancel_but_no_back()
    {
        var card = FormSectionCard.Build(SampleCards.FirstSection(Language.Thai), Language.Thai);

        Assert.Equal(TeamsCardWidth.Full, card.Msteams?.Width);
        Assert.Contains(CardTree.Elements(card).OfType<TextBlock>(), block => block.Text == "ส่วนที่ 1/4");
        Assert.Contains(CardTree.Elements(card).OfType<TextBlock>(), block => block.Text == CardStrings.Thai.PrivacyNoticeTitle);
        Assert.Equal(["form.next", "form.cancel"], Executes(card).Select(action => action.Verb));
        Assert.Equal(AssociatedInputs.None, Button(card, CardVerbs.FormCancel).AssociatedInputs);
    }

    [Fact]
    public void Last_section_offers_back_and_review_with_the_callers_data()
    {
        var card = FormSectionCard.Build(SampleCards.RatingSection, Language.English);

        Assert.Equal(["form.back", "form.review", "form.cancel"], Executes(card).Select(action => action.Verb));
        Assert.Equal("Review answers", Button(card, CardVerbs.FormReview).Title);
        Assert.True(JsonNode.DeepEquals(SampleCards.FormData(4), Button(card, CardVerbs.FormReview).Data));
        Assert.Equal(AssociatedInputs.None, Button(card, CardVerbs.FormBack).AssociatedInputs);
    }

    [Fact]
    public void Fields_render_as_the_inputs_their_kind_needs()
    {
        var first = CardTree.Inputs(FormSectionCard.Build(SampleCards.FirstSection(Language.Thai), Language.Thai)).ToDictionary(input => input.Id);
        var last = CardTree.Inputs(FormSectionCard.Build(SampleCards.RatingSection, Language.Thai)).ToDictionary(input => input.Id);

        var date = Assert.IsType<DateInput>(first["visitDate"]);
        Assert.Equal((new DateOnly(2025, 6, 12), true, "กรุณากรอกข้อมูลในช่องนี้"), (date.Value, date.IsRequired, date.ErrorMessage));
        Assert.Equal(ChoiceInputStyle.Compact, Assert.IsType<ChoiceSetInput>(first["school"]).Style);
        Assert.Equal(ChoiceInputStyle.Expanded, Assert.IsType<ChoiceSetInput>(first["area"]).Style);
        var number = Assert.IsType<NumberInput>(first["students"]);
        Assert.Equal((35.0, 1.0, 60.0, "กรุณาใส่ตัวเลขระหว่าง 1 ถึง 60"), (number.Value, number.Min, number.Max, number.ErrorMessage));

        var likert = Assert.IsType<ChoiceSetInput>(last["q1"]);
        Assert.Equal(["5", "4", "3", "2", "1"], likert.Choices.Select(choice => choice.Value));
        Assert.Equal("5 – มากที่สุด", likert.Choices[0].Title);
        Assert.Equal("1 – น้อยที่สุด", likert.Choices[4].Title);
        var quality = Assert.IsType<ChoiceSetInput>(last["q2"]);
        Assert.Equal("5 – แผนชัดเจน กิจกรรมหลากหลาย วัดผลตามสภาพจริง", quality.Choices[0].Title);
        Assert.Equal(["done", "not-done", "not-applicable"], Assert.IsType<ChoiceSetInput>(last["q3"]).Choices.Select(choice => choice.Value));
        Assert.Equal("ใช้ Kahoot ทบทวนบทเรียน", Assert.IsType<TextInput>(last["q3.evidence"]).Value);
        var multi = Assert.IsType<ChoiceSetInput>(last["q4"]);
        Assert.Equal((true, "group,game"), (multi.IsMultiSelect, multi.Value));
        Assert.True(Assert.IsType<TextInput>(last["strengths"]).IsMultiline);
    }

    [Fact]
    public void A_server_error_is_shown_under_its_field_in_attention_colour()
    {
        var card = FormSectionCard.Build(SampleCards.FirstSection(Language.Thai), Language.Thai);

        var field = Assert.Single(card.Body.OfType<Container>(), container => container.Items.OfType<TextInput>().Any(input => input.Id == "topic"));
        var error = Assert.IsType<TextBlock>(field.Items[^1]);
        Assert.Equal(("กรุณาระบุเรื่องที่สอน", TextColor.Attention), (error.Text, error.Color));
        Assert.Contains(card.Body.OfType<TextBlock>(), block => block.Text == "กรุณาแก้ไขคำตอบ 1 ข้อที่มีข้อความสีแดงด้านล่าง");
    }

    [Fact]
    public void A_page_with_more_than_twelve_inputs_is_a_builder_bug()
    {
        var view = SampleCards.RatingSection with
        {
            Fields = [.. Enumerable.Range(0, 13).Select(i => new FieldView { Id = $"q{i}", Kind = FieldKind.Likert5, Label = $"ข้อ {i}" })],
        };

        Assert.Throws<CardLimitExceededException>(() => FormSectionCard.Build(view, Language.Thai));
    }

    [Theory]
    [InlineData("q1")]
    [InlineData("formId")]
    [InlineData("verb")]
    public void Input_ids_must_not_repeat_or_clash_with_action_data(string clashingId)
    {
        var view = SampleCards.RatingSection with
        {
            Fields = [.. SampleCards.RatingSection.Fields, new FieldView { Id = clashingId, Kind = FieldKind.ShortText, Label = "x" }],
        };

        Assert.Throws<ArgumentException>(() => FormSectionCard.Build(view, Language.Thai));
    }

    [Fact]
    public void Quality_rating_needs_five_descriptors()
    {
        var view = SampleCards.RatingSection with
        {
            Fields = [new FieldView { Id = "r", Kind = FieldKind.QualityRating, Label = "x", Descriptors = ["a", "b"] }],
        };

        Assert.Throws<ArgumentException>(() => FormSectionCard.Build(view, Language.Thai));
    }

    [Fact]
    public void Review_groups_answers_by_section_with_an_edit_button_each_and_a_dash_for_no_answer()
    {
        var card = ReviewCard.Build(new ReviewView("แบบนิเทศ", SampleCards.Answers(editable: true), SampleCards.FormData(5)), Language.Thai);

        var sections = card.Body.OfType<Container>().Where(container => container.Separator == true).ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal("—", CardText.AnswerTo(sections[0], "เรื่องที่สอน"));
        Assert.Equal(["form.edit", "form.edit", "form.submit", "form.cancel"], Executes(card).Select(action => action.Verb));
        Assert.Equal([1, 4], Executes(card).Where(action => action.Verb == CardVerbs.FormEdit).Select(action => action.Data!["section"]!.GetValue<int>()));
        Assert.Empty(CardTree.Inputs(card));
    }

    [Fact]
    public void Receipt_shows_reference_time_and_answers_without_inputs_or_buttons()
    {
        var card = ReceiptCard.Build(new ReceiptView("แบบนิเทศ", "OBS-2568-00042", "12 มิ.ย. 2568 14:35 น.", SampleCards.Answers(editable: false)), Language.Thai);

        var facts = CardTree.Elements(card).OfType<FactSet>().SelectMany(set => set.Facts).ToList();
        Assert.Contains(new Fact("หมายเลขอ้างอิง", "OBS-2568-00042"), facts);
        Assert.Contains(new Fact("ส่งเมื่อ", "12 มิ.ย. 2568 14:35 น."), facts);
        Assert.Equal("นักเรียนมีส่วนร่วมสูง ทำงานกลุ่มได้ดี", CardText.AnswerTo(card, "จุดเด่น"));
        Assert.Empty(CardTree.Inputs(card));
        Assert.Empty(Executes(card));
    }

    [Fact]
    public void Menu_start_buttons_carry_the_form_id()
    {
        var card = MenuCard.Build(SampleCards.Menu, Language.Thai);

        Assert.Equal(["observation", "satisfaction"], Executes(card).Select(action => action.Data![MenuCard.FormIdKey]!.GetValue<string>()));
        Assert.All(Executes(card), action => Assert.Equal(("form.start", "เริ่มกรอก"), (action.Verb, action.Title)));
    }

    [Fact]
    public void Error_card_gives_the_reference_id_in_the_users_language()
    {
        var card = ErrorCard.Build("ERR-7F3A", Language.English);

        Assert.Contains(new Fact("Reference number", "ERR-7F3A"), CardTree.Elements(card).OfType<FactSet>().Single().Facts);
        Assert.Contains("ERR-7F3A", card.FallbackText);
    }

    [Fact]
    public void Welcome_lists_every_command()
    {
        var card = WelcomeCard.Build(SampleCards.Welcome, Language.Thai);

        Assert.Equal(SampleCards.Welcome.Commands.Select(c => new Fact(c.Command, c.Description)), CardTree.Elements(card).OfType<FactSet>().Single().Facts);
        Assert.Equal("menu.show", Executes(card).Single().Verb);
    }
}
