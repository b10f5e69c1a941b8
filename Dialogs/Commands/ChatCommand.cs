using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Commands;

public enum CommandKind
{
    Help,
}

/// <summary>A command users can type, in Thai or English; both work whatever the user's language.</summary>
public sealed record ChatCommand(CommandKind Kind, string ThaiKeyword, string EnglishKeyword, string ThaiDescription, string EnglishDescription)
{
    public string Keyword(CardLanguage language) => language == CardLanguage.Th ? ThaiKeyword : EnglishKeyword;

    public string Description(CardLanguage language) => language == CardLanguage.Th ? ThaiDescription : EnglishDescription;
}
