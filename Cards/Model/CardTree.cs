namespace SupervisionBot.Cards.Model;

/// <summary>Walks every element of a card, including those in columns, table cells and cards shown by Action.ShowCard.</summary>
public static class CardTree
{
    public static IEnumerable<CardElement> Elements(AdaptiveCard card) =>
        card.Body.SelectMany(Descend).Concat(ShownCards(card.Actions).SelectMany(Elements));

    public static IEnumerable<CardInput> Inputs(AdaptiveCard card) => Elements(card).OfType<CardInput>();

    private static IEnumerable<CardElement> Descend(CardElement element)
    {
        var children = element switch
        {
            Container container => container.Items.SelectMany(Descend),
            ColumnSet columnSet => columnSet.Columns.SelectMany(column => column.Items).SelectMany(Descend),
            Table table => table.Rows.SelectMany(row => row.Cells).SelectMany(cell => cell.Items).SelectMany(Descend),
            ActionSet actionSet => ShownCards(actionSet.Actions).SelectMany(Elements),
            _ => [],
        };
        return children.Prepend(element);
    }

    private static IEnumerable<AdaptiveCard> ShownCards(IEnumerable<CardAction>? actions) =>
        actions?.OfType<ShowCardAction>().Select(action => action.Card) ?? [];
}
