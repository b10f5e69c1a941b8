using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.EndToEnd;

/// <summary>
/// While the bot restarts its port is free for a moment; run alone so no other test's server can take it.
/// </summary>
[CollectionDefinition(nameof(FormRestartTests), DisableParallelization = true)]
public sealed class FormRestartRunsAlone;

/// <summary>A bot restarted (redeployed) in the middle of a form loses nothing: the form resumes where it was.</summary>
[Collection(nameof(FormRestartTests))]
public sealed class FormRestartTests(FormJourneyFixture bot) : IClassFixture<FormJourneyFixture>
{
    [Fact]
    public async Task A_form_resumes_after_the_bot_restarts_in_the_middle_of_it()
    {
        const string formId = "success-indicator-follow-up";
        var (messageId, card) = await bot.SayAndWaitForCardAsync("ตัวชี้วัด", c => CardAnswers.Button(c, "form.next") is { } d && (string?)d["formId"] == formId, "the indicator form");
        var firstAnswers = CardAnswers.FillAll(card);
        card = await bot.PressAsync(messageId, card, CardAnswers.HasButton(card, "form.review") ? "form.review" : "form.next", firstAnswers);

        await bot.RestartBotAsync();

        var (resumedId, resumed) = await bot.SayAndWaitForCardAsync("ทำต่อ", c => CardAnswers.Text(c).Contains(formId, StringComparison.Ordinal), "the resumed form");
        Assert.Equal(card.ToJsonString(), resumed.ToJsonString());
        for (var page = 0; page < 20 && !CardAnswers.HasButton(resumed, "form.submit"); page++)
        {
            resumed = await bot.PressAsync(resumedId, resumed, CardAnswers.HasButton(resumed, "form.review") ? "form.review" : "form.next", CardAnswers.FillAll(resumed));
        }
        var receipt = await bot.PressAsync(resumedId, resumed, "form.submit");

        var stored = Assert.Single(bot.Table("Responses").Query<TableEntity>(e => e.PartitionKey == formId).ToList(), e => !TableResponseAggregates.IsAggregateRow(e.RowKey));
        Assert.Equal(FormJourneyFixture.ReferenceIn(receipt), stored.GetString("ReferenceNumber"));
        // The answers given before the restart are in the stored response.
        foreach (var value in firstAnswers.Select(a => a.Value!.ToString()))
        {
            Assert.Contains(value, stored.GetString("Answers0"));
        }
    }
}
