using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.People;

/// <summary>What a user chose for themselves; today the language they read the bot in.</summary>
public interface IUserPreferences
{
    Task<Language?> GetLanguageAsync(string userKey, CancellationToken cancellationToken);

    Task SetLanguageAsync(string userKey, Language language, CancellationToken cancellationToken);
}
