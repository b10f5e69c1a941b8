using SupervisionBot.Cards.Model;

namespace SupervisionBot.Cards.Builders;

/// <summary>The building blocks that give all our cards the same look.</summary>
internal static class CardParts
{
    public static TextBlock Title(string text) => new()
    {
        Text = text,
        Style = TextBlockStyle.Heading,
        Size = TextSize.Large,
        Weight = TextWeight.Bolder,
        Wrap = true,
    };

    public static TextBlock Subheading(string text, Spacing? spacing = null) => new()
    {
        Text = text,
        Spacing = spacing,
        Style = TextBlockStyle.Heading,
        Size = TextSize.Medium,
        Weight = TextWeight.Bolder,
        Wrap = true,
    };

    public static TextBlock Paragraph(string text) => new() { Text = text, Wrap = true };

    public static TextBlock Hint(string text) => new() { Text = text, Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };

    /// <summary>A banner across the top of the card, so the card's purpose is the first thing seen.</summary>
    public static Container Banner(params CardElement[] items) =>
        new() { Items = [.. items], Style = ContainerStyle.Emphasis, Bleed = true };

    /// <summary>Review and receipt show answers the same way: one FactSet per section.</summary>
    public static IEnumerable<CardElement> AnswerSections(IReadOnlyList<AnswerSectionView> sections, CardStrings strings)
    {
        foreach (var section in sections)
        {
            var heading = Subheading(section.Title);
            CardElement header = section.EditData is null
                ? heading
                : new ColumnSet
                {
                    Columns =
                    [
                        new Column { Width = ColumnWidth.Stretch, Items = [heading] },
                        new Column
                        {
                            Width = ColumnWidth.Auto,
                            Items = [CardActions.Buttons([new ButtonView(strings.Edit, CardVerbs.FormEdit, section.EditData)])],
                        },
                    ],
                };
            yield return new Container
            {
                Separator = true,
                Spacing = Spacing.Large,
                Items =
                [
                    header,
                    new FactSet
                    {
                        Facts = [.. section.Answers.Select(answer => new Fact(
                            answer.Label,
                            string.IsNullOrWhiteSpace(answer.Text) ? CardStrings.EmptyAnswer : answer.Text))],
                    },
                ],
            };
        }
    }

    /// <summary>Every builder ends here, so no card over budget ever leaves Cards.</summary>
    public static AdaptiveCard Finish(AdaptiveCard card)
    {
        CardLimits.Check(card);
        return card;
    }
}
