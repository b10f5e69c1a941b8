using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.AreaDirectory;

internal static class DirectoryNames
{
    /// <summary>Many schools have no official English name; English readers then see the Thai one.</summary>
    public static string Pick(string th, string? en, Language language) =>
        language == Language.English && !string.IsNullOrWhiteSpace(en) ? en : th;
}
