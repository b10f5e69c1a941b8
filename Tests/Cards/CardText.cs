using SupervisionBot.Cards.Model;

namespace SupervisionBot.Tests.Cards;

/// <summary>Reads what a person sees on review and receipt cards: a question, then its answer under it.</summary>
internal static class CardText
{
    public static string AnswerTo(AdaptiveCard card, string question) => AnswerTo(CardTree.Elements(card), question);

    public static string AnswerTo(Container section, string question) => AnswerTo(section.Items, question);

    private static string AnswerTo(IEnumerable<CardElement> elements, string question)
    {
        var blocks = elements.OfType<TextBlock>().ToList();
        var at = blocks.FindIndex(block => block.IsSubtle == true && block.Text == question);
        Assert.True(at >= 0 && at + 1 < blocks.Count, $"No answer under the question '{question}'.");
        return blocks[at + 1].Text;
    }
}
