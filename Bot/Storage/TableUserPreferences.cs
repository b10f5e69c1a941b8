using System.Collections.Concurrent;
using Azure.Data.Tables;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Preferences in the People table. Read on every turn, changed rarely: kept in memory for a few
/// minutes, so another instance picks up a change within that time.
/// </summary>
public sealed class TableUserPreferences(SupervisionTables tables, TimeProvider time) : IUserPreferences
{
    private const string Partition = "preferences";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int CacheLimit = 20_000;
    private readonly ConcurrentDictionary<string, (Language? Language, DateTimeOffset ReadAt)> _cache = new(StringComparer.Ordinal);

    public async Task<Language?> GetLanguageAsync(string userKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userKey, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Language;
        }
        var found = await tables.People.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(userKey), cancellationToken: cancellationToken);
        Language? language = found.HasValue && Enum.TryParse<Language>(found.Value!.GetString("Language"), out var parsed) ? parsed : null;
        Remember(userKey, language, now);
        return language;
    }

    public async Task SetLanguageAsync(string userKey, Language language, CancellationToken cancellationToken)
    {
        await tables.People.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Escape(userKey)) { ["Language"] = language.ToString() }, TableUpdateMode.Merge, cancellationToken);
        Remember(userKey, language, time.GetUtcNow());
    }

    private void Remember(string userKey, Language? language, DateTimeOffset now)
    {
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }
        _cache[userKey] = (language, now);
    }
}
