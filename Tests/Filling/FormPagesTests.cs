using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Bot.CardExport;

namespace SupervisionBot.Tests.Filling;

/// <summary>How a form splits into pages (moved here with the paging, from the card presenter's tests) and where Back, Next and Edit lead.</summary>
public class FormPagesTests
{
    private static readonly FormCatalogue Catalogue = FormCatalogue.LoadBuiltIn();
    private static readonly IPickerChoices NoDirectory = new LearningAreaPickerChoices();

    public static TheoryData<string> FormIds() => [.. Catalogue.Forms.Select(form => form.Id)];

    private static FormDefinition Form(string id) => Catalogue.Find(id)!;

    private static IEnumerable<string> Keys(FormItem item) => item is ChecklistItem { Evidence: not null } ? [item.Id, FormAnswers.EvidenceKey(item.Id)] : [item.Id];

    [Fact]
    public void A_section_of_more_than_twelve_inputs_becomes_pages_with_their_own_progress()
    {
        var pages = FormPages.Of(Form("school-administration-needs"), FormAnswers.Empty);

        var academic = pages.Where(page => page.SectionId == "academic").ToList();
        Assert.Equal([12, 4], academic.Select(page => page.Items.Count));
        Assert.Equal([(2, 1, 2), (2, 2, 2)], academic.Select(page => (page.SectionNumber, page.PageInSection, page.PagesInSection)));
        Assert.All(pages, page => Assert.Equal(6, page.SectionCount));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public async Task Every_page_fits_a_card_and_asks_a_condition_before_the_page_that_may_show_its_item(string formId)
    {
        var form = Form(formId);
        var answers = await SampleAnswers.ValidAsync(form, NoDirectory, Language.Thai, CancellationToken.None);

        var pages = FormPages.Of(form, answers);

        var pageOf = pages.SelectMany((page, index) => page.Items.Select(item => (item.Id, index))).ToDictionary(pair => pair.Id, pair => pair.index);
        Assert.Equal(form.Items.Select(item => item.Id), pageOf.Keys);
        Assert.All(pages, page => Assert.InRange(page.Items.Sum(item => Keys(item).Count()), 1, CardLimits.MaxInputs));
        foreach (var item in form.Items.Where(item => item.ShowWhen is not null))
        {
            Assert.True(pageOf[item.ShowWhen!.ItemId] < pageOf[item.Id], $"'{item.Id}' is on the page of '{item.ShowWhen.ItemId}', which decides whether it is shown.");
        }
    }

    [Fact]
    public void Conditional_items_appear_only_after_their_controlling_answer()
    {
        var form = Form("group-meeting-record");
        string[][] FollowUps(FormAnswers answers) =>
            [.. FormPages.Of(form, answers).Where(page => page.SectionId == "follow-ups").Select(page => page.Items.Select(item => item.Id).ToArray())];

        Assert.Equal([["has-follow-ups"]], FollowUps(FormAnswers.Empty));
        Assert.Equal([["has-follow-ups"]], FollowUps(FormAnswers.Empty.With("has-follow-ups", "no")));
        Assert.Equal(
            [["has-follow-ups"], ["follow-up-1-task", "follow-up-1-owner", "follow-up-1-due", "more-follow-ups-1"]],
            FollowUps(FormAnswers.Empty.With("has-follow-ups", "yes")));
    }

    [Fact]
    public void A_section_whose_items_are_all_hidden_has_no_page_and_is_not_counted()
    {
        var form = FormDefinitionLoader.Load("""
            {
              "id": "tiny", "version": 1, "kind": "indicator-follow-up",
              "title": { "th": "แบบทดลอง", "en": "Trial" }, "description": { "th": "ทดลอง", "en": "Trial" },
              "settings": { "roles": ["supervisor"], "readers": ["unit-head"], "anonymous": false, "privacyNotice": { "th": "ประกาศ", "en": "Notice" }, "retention": { "years": 1 } },
              "sections": [
                { "id": "a", "title": { "th": "ก", "en": "A" }, "items": [
                  { "id": "late", "kind": "singleChoice", "label": { "th": "ล่าช้า", "en": "Late" },
                    "choices": [ { "value": "yes", "label": { "th": "ใช่", "en": "Yes" } }, { "value": "no", "label": { "th": "ไม่ใช่", "en": "No" } } ] } ] },
                { "id": "b", "title": { "th": "ข", "en": "B" }, "items": [
                  { "id": "why", "kind": "longText", "label": { "th": "สาเหตุ", "en": "Why" }, "showWhen": { "item": "late", "equals": "yes" } } ] }
              ]
            }
            """, "tiny.json");

        Assert.Equal([("a", 1, 1)], FormPages.Of(form, FormAnswers.Empty).Select(page => (page.SectionId, page.SectionNumber, page.SectionCount)));
        Assert.Equal([("a", 1, 2), ("b", 2, 2)], FormPages.Of(form, FormAnswers.Empty.With("late", "yes")).Select(page => (page.SectionId, page.SectionNumber, page.SectionCount)));
    }

    [Fact]
    public void A_stored_page_index_is_kept_within_the_pages_the_answers_now_give()
    {
        var pages = FormPages.Of(Form("group-meeting-record"), FormAnswers.Empty);

        Assert.Equal(0, pages.Clamp(-1));
        Assert.Equal(pages.Last, pages.Clamp(pages.Count + 5));
        Assert.Equal(pages.Count - 1, pages.Last);
        Assert.True(pages.IsLast(pages.Last));
        Assert.False(pages.IsLast(0));
    }

    [Fact]
    public void Edit_leads_to_the_first_page_of_a_section_and_nowhere_for_a_section_with_nothing_shown()
    {
        var form = Form("school-administration-needs");
        var pages = FormPages.Of(form, FormAnswers.Empty);

        Assert.Equal(1, pages.FirstOf("academic"));
        Assert.Equal("academic", pages[1].SectionId);
        Assert.Equal(1, pages[1].PageInSection);
        Assert.Null(pages.FirstOf("no-such-section"));
        Assert.Null(pages.FirstOf(null));
    }
}
