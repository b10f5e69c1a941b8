using SupervisionBot.Cards.Model;

namespace SupervisionBot.Cards.Builders;

/// <summary>The building blocks that give all our cards the same look.</summary>
public static class CardParts
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

    /// <summary>
    /// Review and receipt show answers the same way: per section, each question in small grey text
    /// with its answer under it. Not a FactSet: its title column squeezes long Thai questions into a
    /// narrow strip on a phone, and the answers lose their questions.
    /// </summary>
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
            List<CardElement> items = [header];
            foreach (var answer in section.Answers)
            {
                items.Add(new TextBlock { Text = answer.Label, Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
                items.Add(new TextBlock
                {
                    Text = string.IsNullOrWhiteSpace(answer.Text) ? CardStrings.EmptyAnswer : answer.Text,
                    Wrap = true,
                    Spacing = Spacing.None,
                });
            }

            yield return new Container { Separator = true, Spacing = Spacing.Large, Items = items };
        }
    }

    /// <summary>Every builder ends here, so no card over budget ever leaves Cards.</summary>
    public static AdaptiveCard Finish(AdaptiveCard card)
    {
        CardLimits.Check(card);
        return card;
    }
}
