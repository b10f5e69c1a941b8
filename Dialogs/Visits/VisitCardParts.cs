using SupervisionBot.Cards.Model;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>What the visit cards share, so the reminder and the report look like one family.</summary>
internal static class VisitCardParts
{
    /// <summary>The card's title and what it is about, across the top as the bot's other cards have it.</summary>
    public static Container Banner(string title, string intro, string? note = null)
    {
        List<CardElement> items =
        [
            new TextBlock { Text = title, Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock { Text = intro, Wrap = true },
        ];
        if (note is not null)
        {
            items.Add(new TextBlock { Text = note, Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        return new Container { Style = ContainerStyle.Emphasis, Bleed = true, Items = items };
    }
}
