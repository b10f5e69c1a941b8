namespace SupervisionBot.Cards;

/// <summary>The language a user reads the bot in: Thai first for everyone in the area office, English by locale.</summary>
public enum Language
{
    Thai,
    English,
}
