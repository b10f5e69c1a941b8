using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Tests.Filling;

/// <summary>The form conversation through every transition, with the satisfaction form (anonymous, 5 sections).</summary>
public sealed class FormFillerTests
{
    private const string Satisfaction = "supervision-satisfaction";

    private static readonly Dictionary<string, string?> Supervisor = new()
    {
        ["expertise"] = "5", ["manner"] = "4", ["approachability"] = "5", ["punctuality"] = "3",
    };

    private static readonly Dictionary<string, string?> Process = new()
    {
        ["agreed-objectives"] = "4", ["suitable-time"] = "4", ["fitting-methods"] = "5", ["useful-tools"] = "4",
    };

    private static readonly Dictionary<string, string?> Results = new()
    {
        ["practical-advice"] = "5", ["improved-practice"] = "4", ["motivation"] = "5", ["wish-follow-up"] = "5",
    };

    private static async Task<FormDesk> ToReviewAsync(FormDesk? desk = null)
    {
        desk ??= new FormDesk();
        await desk.SayAsync("ประเมิน");
        return await AnswerToReviewAsync(desk);
    }

    private static async Task<FormDesk> AnswerToReviewAsync(FormDesk desk)
    {
        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher", ["years-of-service"] = "6-10" });
        await desk.PressAsync(CardVerbs.FormNext, Supervisor);
        await desk.PressAsync(CardVerbs.FormNext, Process);
        await desk.PressAsync(CardVerbs.FormNext, Results);
        await desk.PressAsync(CardVerbs.FormReview, new Dictionary<string, string?> { ["suggestions"] = "อยากให้มานิเทศบ่อยขึ้น" });
        return desk;
    }

    [Fact]
    public async Task The_welcome_cards_button_lists_the_forms_of_the_users_role()
    {
        var desk = new FormDesk();
        await desk.SayAsync("help");

        var menu = await desk.PressAsync(CardVerbs.FormsMenu);

        var card = menu.Messages.Single().Card!;
        var starts = CardTree.Elements(card).OfType<ActionSet>().SelectMany(a => a.Actions).OfType<ExecuteAction>().Where(a => a.Verb == CardVerbs.FormStart);
        Assert.Equal(FormDesk.Catalogue.Forms.Select(f => f.Id), starts.Select(a => (string?)a.Data![FormActionData.FormId]));
        Assert.Contains("แบบประเมินความพึงพอใจ", FormDesk.Text(card));
    }

    [Fact]
    public async Task The_command_opens_the_first_page_with_the_privacy_notice()
    {
        var desk = new FormDesk();

        await desk.SayAsync("ประเมิน");

        var text = FormDesk.Text(desk.Card!);
        Assert.Contains("ส่วนที่ 1/5", text);
        Assert.Contains("PDPA", text);
        Assert.Equal(["position", "years-of-service"], FormDesk.InputIds(desk.Card!));
        var stored = Assert.Single(((InMemorySessionStore)desk.Sessions).All);
        Assert.Equal(1, stored.Session.StateVersion);
    }

    [Fact]
    public async Task Next_with_valid_answers_moves_on_and_stores_them()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");

        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher" });

        Assert.Contains("ส่วนที่ 2/5", FormDesk.Text(desk.Card!));
        var session = Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session;
        Assert.Equal("teacher", session.Answers.Get("position"));
        Assert.Equal(2, session.StateVersion);
    }

    [Fact]
    public async Task Missing_required_answers_show_the_page_again_with_the_problem_and_nothing_is_stored()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");
        await desk.PressAsync(CardVerbs.FormNext);
        var before = Assert.Single(((InMemorySessionStore)desk.Sessions).All);

        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["expertise"] = "5", ["manner"] = "" });

        var text = FormDesk.Text(desk.Card!);
        Assert.Contains("ส่วนที่ 2/5", text);
        Assert.Contains("\"value\":\"5\"", text);
        Assert.Equal(before, Assert.Single(((InMemorySessionStore)desk.Sessions).All));
    }

    [Fact]
    public async Task A_tampered_value_is_rejected_in_the_users_language_and_keeps_the_other_answers()
    {
        var desk = new FormDesk { Language = Language.English };
        await desk.SayAsync("satisfaction");
        await desk.PressAsync(CardVerbs.FormNext);

        var tampered = new Dictionary<string, string?>(Supervisor) { ["punctuality"] = "9" };
        await desk.PressAsync(CardVerbs.FormNext, tampered);

        var text = FormDesk.Text(desk.Card!);
        Assert.Contains("Section 2 of 5", text);
        Assert.Contains("attention", text);
        Assert.Contains("\"value\":\"5\"", text);
        Assert.Null(Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session.Answers.Get("expertise"));
    }

    [Fact]
    public async Task Back_returns_to_the_previous_page_with_its_answers_filled_in()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");
        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "administrator" });

        await desk.PressAsync(CardVerbs.FormBack);

        var text = FormDesk.Text(desk.Card!);
        Assert.Contains("ส่วนที่ 1/5", text);
        Assert.Contains("\"value\":\"administrator\"", text);
    }

    [Fact]
    public async Task Review_edit_and_submit_store_one_anonymous_response_and_show_a_receipt()
    {
        var desk = await ToReviewAsync();
        Assert.Contains("อยากให้มานิเทศบ่อยขึ้น", FormDesk.Text(desk.Card!));

        await desk.PressAsync(CardVerbs.FormEdit, card: desk.Card, extraData: null);
        Assert.Contains("ส่วนที่ 1/5", FormDesk.Text(desk.Card!));
        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "administrator", ["years-of-service"] = "over-20" });
        Assert.Contains(CardStrings.Thai.ReviewTitle, FormDesk.Text(desk.Card!));

        await desk.PressAsync(CardVerbs.FormSubmit);

        var response = Assert.Single(((InMemoryResponseStore)desk.Responses).All);
        Assert.Null(response.Respondent);
        Assert.Equal("administrator", response.Answers.Get("position"));
        Assert.Equal("3", response.Answers.Get("punctuality"));
        Assert.StartsWith("SAT-691124-", response.ReferenceNumber);
        Assert.Contains(response.ReferenceNumber, FormDesk.Text(desk.Card!));
        Assert.Empty(((InMemorySessionStore)desk.Sessions).All);
        Assert.True(await desk.Respondents.HasRespondedAsync(Satisfaction, 2, "aad-teacher", CancellationToken.None));
    }

    [Fact]
    public async Task A_second_response_to_an_anonymous_form_is_refused_kindly()
    {
        var desk = await ToReviewAsync();
        await desk.PressAsync(CardVerbs.FormSubmit);

        var again = await desk.SayAsync("ประเมิน");

        Assert.Contains("ท่านตอบแบบฟอร์มนี้แล้ว", FormDesk.Text(again.Messages.Single().Card!));
        Assert.Empty(((InMemorySessionStore)desk.Sessions).All);
    }

    [Fact]
    public async Task The_same_submit_delivered_twice_stores_one_response_and_shows_the_same_receipt()
    {
        var desk = await ToReviewAsync();
        var review = desk.Card!;

        var first = await desk.PressAsync(CardVerbs.FormSubmit, card: review);
        var second = await desk.PressAsync(CardVerbs.FormSubmit, card: review);

        var response = Assert.Single(((InMemoryResponseStore)desk.Responses).All);
        Assert.Contains(response.ReferenceNumber, FormDesk.Text(first.UpdatedCard!));
        Assert.Contains(response.ReferenceNumber, FormDesk.Text(second.UpdatedCard!));
    }

    [Fact]
    public async Task A_double_clicked_next_moves_once_and_the_repeat_just_shows_the_current_page()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");
        var firstPage = desk.Card!;
        var inputs = new Dictionary<string, string?> { ["position"] = "teacher" };

        await desk.PressAsync(CardVerbs.FormNext, inputs, firstPage);
        var repeat = await desk.PressAsync(CardVerbs.FormNext, inputs, firstPage);

        Assert.Contains("ส่วนที่ 2/5", FormDesk.Text(repeat.UpdatedCard!));
        Assert.Empty(repeat.Messages);
        Assert.Equal(2, Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session.StateVersion);
    }

    [Fact]
    public async Task An_older_card_is_refreshed_with_a_friendly_notice_and_never_overwrites_newer_answers()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");
        var oldCard = desk.Card!;
        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher" });
        await desk.PressAsync(CardVerbs.FormNext, Supervisor);

        var stale = await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "administrator" }, oldCard);

        Assert.Contains("ส่วนที่ 3/5", FormDesk.Text(stale.UpdatedCard!));
        Assert.Contains("ไม่เป็นปัจจุบัน", FormDesk.Text(Assert.Single(stale.Messages).Card!));
        var session = Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session;
        Assert.Equal("teacher", session.Answers.Get("position"));
        Assert.Equal(3, session.StateVersion);
    }

    [Fact]
    public async Task Cancel_discards_the_answers()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");
        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher" });

        await desk.PressAsync(CardVerbs.FormCancel);

        Assert.Empty(((InMemorySessionStore)desk.Sessions).All);
        Assert.Empty(((InMemoryResponseStore)desk.Responses).All);
        Assert.Contains("ยกเลิก", FormDesk.Text(desk.Card!));
    }

    [Fact]
    public async Task Text_typed_while_a_form_is_open_is_never_taken_as_an_answer()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");

        var reply = await desk.SayAsync("5");

        Assert.Contains("ไม่ถูกบันทึกเป็นคำตอบ", reply.Messages.Single().Text);
        Assert.Empty(Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session.Answers.Values);
    }

    [Fact]
    public async Task Status_resume_and_cancel_commands_work_on_the_open_form()
    {
        var desk = new FormDesk();
        Assert.Contains("ไม่มีแบบฟอร์ม", (await desk.SayAsync("สถานะ")).Messages.Single().Text);
        await desk.SayAsync("ประเมิน");
        await desk.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher" });

        Assert.Contains("ส่วนที่ 2/5", (await desk.SayAsync("สถานะ")).Messages.Single().Text);
        Assert.Contains("ส่วนที่ 2/5", FormDesk.Text((await desk.SayAsync("ทำต่อ")).Messages.Single().Card!));
        Assert.Contains("ยกเลิก", (await desk.SayAsync("ยกเลิก")).Messages.Single().Text);
        Assert.Empty(((InMemorySessionStore)desk.Sessions).All);
    }

    [Fact]
    public async Task Starting_another_form_while_one_is_open_offers_to_resume_or_cancel_it()
    {
        var desk = new FormDesk();
        await desk.SayAsync("ประเมิน");

        var other = await desk.SayAsync("ประชุม");

        var text = FormDesk.Text(other.Messages.Single().Card!);
        Assert.Contains("มีแบบฟอร์มที่กรอกค้างอยู่", text);
        Assert.Equal(Satisfaction, Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session.FormId);
    }

    [Fact]
    public async Task Language_is_switched_by_command_and_remembered()
    {
        var desk = new FormDesk();

        var switched = await desk.SayAsync("ภาษาอังกฤษ");
        await desk.SayAsync("ประเมิน");

        Assert.Contains("English", switched.Messages.Single().Text);
        Assert.Contains("Section 1 of 5", FormDesk.Text(desk.Card!));
    }

    [Fact]
    public async Task In_a_channel_the_form_is_opened_in_the_personal_chat_and_only_a_pointer_is_posted()
    {
        var desk = new FormDesk(kind: ConversationKind.Channel);

        var result = await desk.SayAsync("ประเมิน");

        Assert.Single(desk.PersonalChats.Opened);
        var pointer = result.Messages[0];
        Assert.Null(pointer.To);
        Assert.Contains("แชตส่วนตัว", pointer.Text);
        var form = result.Messages[1];
        Assert.Equal("a:personal-1", form.To!.ConversationId);
        Assert.Contains("ส่วนที่ 1/5", FormDesk.Text(form.Card!));
        Assert.Equal("a:personal-1", Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session.ConversationId);
    }

    [Fact]
    public async Task A_proactive_start_button_fills_in_its_context()
    {
        var desk = new FormDesk();
        var data = new System.Text.Json.Nodes.JsonObject
        {
            [FormActionData.FormId] = Satisfaction,
            [FormActionData.Prefill] = new System.Text.Json.Nodes.JsonObject { ["position"] = "teacher", ["no-such-item"] = "x" },
        };

        var result = await desk.Router.HandleAsync(new Turn(TurnKind.CardAction, desk.Conversation, desk.User, Language.Thai, desk.Time.GetUtcNow(),
            Action: new CardAction(CardVerbs.FormStart, data, "invite-1")), CancellationToken.None);

        Assert.Contains("\"value\":\"teacher\"", FormDesk.Text(result.Messages.Single().Card!));
        var answers = Assert.Single(((InMemorySessionStore)desk.Sessions).All).Session.Answers;
        Assert.Equal(["position"], answers.Values.Keys);
    }

    [Fact]
    public async Task A_start_button_naming_a_visit_links_the_anonymous_response_to_it_and_tells_the_observers()
    {
        var progress = new RecordingProgress();
        var desk = new FormDesk(progress: [progress]);
        var data = new System.Text.Json.Nodes.JsonObject
        {
            [FormActionData.FormId] = Satisfaction,
            [FormActionData.Link] = FormActionData.LinkData(new FormLink("camp-1", "visit-42")),
        };
        await desk.ActAsync(CardVerbs.FormStart, data);
        await AnswerToReviewAsync(desk);

        await desk.PressAsync(CardVerbs.FormSubmit);

        var response = Assert.Single(((InMemoryResponseStore)desk.Responses).All);
        Assert.Equal(new FormLink("camp-1", "visit-42"), response.Link);
        Assert.Equal(new FormLink("camp-1", "visit-42"), Assert.Single(progress.Started).Link);
        var (submitted, respondent) = Assert.Single(progress.Submitted);
        Assert.Equal("visit-42", submitted.Link.VisitId);
        Assert.Null(respondent);
    }

    [Theory]
    [InlineData("{\"campaign\":\"../x\"}")]
    [InlineData("{\"campaign\":7}")]
    [InlineData("\"visit-1\"")]
    [InlineData("{\"visit\":\"0123456789012345678901234567890123456789012345678901234567890123456789\"}")]
    public void A_forged_link_is_dropped(string link)
    {
        var data = new System.Text.Json.Nodes.JsonObject { [FormActionData.Link] = System.Text.Json.Nodes.JsonNode.Parse(link) };

        Assert.True(FormActionData.LinkOf(data).IsEmpty);
    }

    private sealed class RecordingProgress : IFormProgress
    {
        public List<FormSession> Started { get; } = [];
        public List<(FormResponse Response, string? Respondent)> Submitted { get; } = [];

        public Task StartedAsync(FormSession session, CancellationToken cancellationToken)
        {
            Started.Add(session);
            return Task.CompletedTask;
        }

        public Task SubmittedAsync(FormResponse response, string? respondentKey, CancellationToken cancellationToken)
        {
            Submitted.Add((response, respondentKey));
            return Task.CompletedTask;
        }
    }
}
