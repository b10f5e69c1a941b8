using System.Text.Json.Nodes;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>
/// Every built-in form filled through the real Playground as a user would: open it from the menu,
/// answer every card, review, edit a section, submit, get a receipt; then the response is read
/// back from Azurite.
/// </summary>
public sealed class FormJourneyTests(FormJourneyFixture bot) : IClassFixture<FormJourneyFixture>
{
    /// <summary>Every form the catalogue offers, so a new form is filled end to end as soon as it is added.</summary>
    public static TheoryData<string> Forms => [.. FormCatalogue.LoadBuiltIn().Forms.Select(form => form.Id)];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_form_is_filled_reviewed_edited_and_submitted_and_the_response_is_stored(string formId)
    {
        var (menuId, menu) = await bot.SayAndWaitForCardAsync("forms", c => CardAnswers.Text(c).Contains(formId, StringComparison.Ordinal), "the forms menu");
        var start = CardAnswers.Button(menu, "form.start", Occurrence(menu, formId))!;
        Assert.Equal(formId, (string?)start["formId"]);
        await bot.Playground.ExecuteAsync(Playground.PersonalChat, menuId, "form.start", start);
        var (formMessageId, card) = bot.WaitForCard(c => CardAnswers.Button(c, "form.next") is { } d && (string?)d["formId"] == formId
            || CardAnswers.Button(c, "form.review") is { } r && (string?)r["formId"] == formId, $"the first page of {formId}");

        card = await FillToReviewAsync(formMessageId, card);
        card = await bot.PressAsync(formMessageId, card, "form.edit");
        Assert.False(CardAnswers.HasButton(card, "form.submit"), "edit should open a page, not the review");
        card = await FillToReviewAsync(formMessageId, card);
        var receipt = await bot.PressAsync(formMessageId, card, "form.submit");

        var reference = FormJourneyFixture.ReferenceIn(receipt);
        Assert.NotNull(reference);
        // An anonymous response waits to be released with others (README, Privacy); only its sender's receipt holds the reference.
        var anonymous = Filling.FormDesk.Catalogue.Find(formId)!.Settings.Anonymous;
        var rows = bot.Table(anonymous ? "PendingResponses" : "Responses").Query<TableEntity>(e => e.PartitionKey == formId).ToList();
        var stored = Assert.Single(rows, e => !TableResponseAggregates.IsAggregateRow(e.RowKey));
        // A named response is counted into the summaries' aggregates in the same write; an anonymous one when released.
        Assert.Equal(!anonymous, rows.Any(e => TableResponseAggregates.IsAggregateRow(e.RowKey)));
        var withReference = anonymous ? Assert.Single(bot.Table("Receipts").Query<TableEntity>(e => e.GetString("FormId") == formId).ToList()) : stored;
        Assert.Equal(reference, withReference.GetString("ReferenceNumber"));
        Assert.NotEmpty(stored.GetString("Answers0"));
        Assert.Empty(bot.Table("FormSessions").Query<TableEntity>().ToList());
    }

    private async Task<JsonNode> FillToReviewAsync(string messageId, JsonNode card)
    {
        for (var page = 0; page < 40; page++)
        {
            if (CardAnswers.HasButton(card, "form.submit"))
            {
                return card;
            }
            var verb = CardAnswers.HasButton(card, "form.review") ? "form.review" : "form.next";
            var before = card.ToJsonString();
            card = await bot.PressAsync(messageId, card, verb, CardAnswers.FillAll(card));
            Assert.NotEqual(before, card.ToJsonString());
            Assert.DoesNotContain("\"color\":\"attention\"", card.ToJsonString());
        }
        throw new InvalidOperationException("The form never reached its review card.");
    }

    private static int Occurrence(JsonNode menu, string formId)
    {
        for (var i = 0; CardAnswers.Button(menu, "form.start", i) is { } data; i++)
        {
            if ((string?)data["formId"] == formId)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{formId} is not on the menu: {menu.ToJsonString()}");
    }
}
