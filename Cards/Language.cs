namespace SupervisionBot.Cards;

/// <summary>The language a user reads the bot in: Thai first for everyone in the area office, English by locale.</summary>
public enum Language
{
    Thai,
    English,
}

public static class LanguageChoice
{
    /// <summary>For one-off texts that are not worth a <c>LocalizedText</c> of their own.</summary>
    public static string Pick(this Language language, string thai, string english) => language == Language.English ? english : thai;
}
