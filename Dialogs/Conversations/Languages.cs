using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Conversations;

public static class Languages
{
    /// <summary>
    /// Thai unless the client says it runs in another language: the office works in Thai, and
    /// Teams sometimes sends no locale at all.
    /// </summary>
    public static Language FromLocale(string? locale) =>
        string.IsNullOrWhiteSpace(locale) || locale.StartsWith("th", StringComparison.OrdinalIgnoreCase)
            ? Language.Thai
            : Language.English;
}
