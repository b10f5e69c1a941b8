using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Commands;

public enum CommandKind
{
    Forms,
    Survey,
    Visit,
    Satisfaction,
    Meeting,
    Status,
    Resume,
    Cancel,
    Language,
    Help,

    /// <summary>สรุป / summary: a form's results for a scope the user may see.</summary>
    Summary,
}

/// <summary>A command users can type, in Thai or English; both work whatever the user's language.</summary>
public sealed record ChatCommand(CommandKind Kind, string ThaiKeyword, string EnglishKeyword, string ThaiDescription, string EnglishDescription)
{
    public string Keyword(Language language) => language == Language.Thai ? ThaiKeyword : EnglishKeyword;

    public string Description(Language language) => language == Language.Thai ? ThaiDescription : EnglishDescription;
}
