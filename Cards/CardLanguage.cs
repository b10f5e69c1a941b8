namespace SupervisionBot.Cards;

public enum CardLanguage
{
    Th,
    En,
}
