using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;

namespace SupervisionBot.Tests.Cards;

public class CardLimitsTests
{
    private static AdaptiveCard WithTextInputs(int count) =>
        new() { Body = [.. Enumerable.Range(0, count).Select(i => (CardElement)new TextInput { Id = $"q{i}" })] };

    [Fact]
    public void Twelve_inputs_pass()
    {
        CardLimits.Check(WithTextInputs(CardLimits.MaxInputs));
    }

    [Fact]
    public void Thirteen_inputs_are_rejected()
    {
        var error = Assert.Throws<CardLimitExceededException>(() => CardLimits.Check(WithTextInputs(13)));
        Assert.Contains("13 inputs", error.Message);
    }

    [Fact]
    public void Inputs_nested_in_columns_tables_and_shown_cards_count()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                .. WithTextInputs(10).Body,
                new ColumnSet { Columns = [new Column { Items = [new DateInput { Id = "d" }] }] },
                new Table { Columns = [], Rows = [new TableRow { Cells = [new TableCell { Items = [new TimeInput { Id = "t" }] }] }] },
            ],
            Actions = [new ShowCardAction { Card = new AdaptiveCard { Body = [new Container { Items = [new NumberInput { Id = "n" }] }] } }],
        };

        Assert.Throws<CardLimitExceededException>(() => CardLimits.Check(card));
    }

    [Fact]
    public void More_than_40_KB_of_utf8_json_is_rejected_though_under_40_K_characters()
    {
        // Thai letters take 3 bytes in UTF-8: 14,000 of them are 42,000 bytes.
        var card = new AdaptiveCard { Body = [new TextBlock { Text = new string('ก', 14_000) }] };

        var error = Assert.Throws<CardLimitExceededException>(() => CardLimits.Check(card));
        Assert.Contains("bytes", error.Message);
    }

    [Fact]
    public void A_card_just_under_40_KB_passes()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = new string('ก', 13_600) }] };

        CardLimits.Check(card);
    }
}
