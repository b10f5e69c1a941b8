using SupervisionBot.Cards.Model;

namespace SupervisionBot.Cards;

/// <summary>
/// Budgets every card we send must stay within. The connector accepts up to 100 KB, but older Teams
/// pages say 40 KB and mobile clients struggle with big cards; 12 inputs keep a form page short
/// enough to fill in on a phone.
/// </summary>
public static class CardLimits
{
    public const int MaxJsonBytes = 40 * 1024;

    public const int MaxInputs = 12;

    /// <summary>
    /// Throws <see cref="CardLimitExceededException"/> when the card is over a budget. A card that is
    /// too big is a bug in the code that built it (a form page must be split), never the user's fault.
    /// </summary>
    public static void Check(AdaptiveCard card)
    {
        var inputs = CardTree.Inputs(card).Count();
        if (inputs > MaxInputs)
        {
            throw new CardLimitExceededException(
                $"The card has {inputs} inputs; at most {MaxInputs} are allowed. Split the form section into more pages.");
        }

        var bytes = CardJson.SerializeToUtf8Bytes(card).Length;
        if (bytes > MaxJsonBytes)
        {
            throw new CardLimitExceededException(
                $"The card is {bytes} bytes of JSON; at most {MaxJsonBytes} are allowed. Show less on one card.");
        }
    }
}

public sealed class CardLimitExceededException(string message) : InvalidOperationException(message);
