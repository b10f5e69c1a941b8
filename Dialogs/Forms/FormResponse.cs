using System.Collections.Immutable;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// Normalised answers by item id: Latin digits, levels "1"–"5", dates yyyy-MM-dd, multiple choices
/// comma-joined in choice order, checklist evidence notes under <see cref="EvidenceKey"/>. Blank
/// answers are absent rather than empty. Compared by content.
/// </summary>
public sealed class FormAnswers : IEquatable<FormAnswers>
{
    private readonly ImmutableSortedDictionary<string, string> values;

    private FormAnswers(ImmutableSortedDictionary<string, string> values) => this.values = values;

    public static FormAnswers Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string> Values => values;

    public static FormAnswers From(IEnumerable<KeyValuePair<string, string>> answers) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, answers));

    /// <summary>Item ids are kebab-case, so a dot cannot clash with another item's id.</summary>
    public static string EvidenceKey(string checklistItemId) => checklistItemId + ".evidence";

    public string? Get(string key) => values.GetValueOrDefault(key);

    /// <summary>The answer split into its values: one for most items, several for a multiple choice.</summary>
    public IReadOnlyList<string> GetValues(string itemId) =>
        values.TryGetValue(itemId, out var value) ? value.Split(',') : [];

    public FormAnswers With(string key, string? value) =>
        new(value is null ? values.Remove(key) : values.SetItem(key, value));

    public bool Equals(FormAnswers? other) =>
        other is not null && values.Count == other.values.Count &&
        values.All(pair => other.values.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as FormAnswers);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in values)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}

/// <summary>
/// One submitted form. It records the form version it answered because a later version may have
/// different items. <see cref="Respondent"/> (an AAD object id) is null for anonymous forms.
/// </summary>
public sealed record FormResponse(
    string FormId,
    int FormVersion,
    string ReferenceNumber,
    FormAnswers Answers,
    DateTimeOffset SubmittedUtc,
    string? Respondent)
{
    // Stored and compared in UTC; Bangkok time (UTC+07:00) is for display only.
    public DateTimeOffset SubmittedUtc { get; init; } = SubmittedUtc.ToUniversalTime();

    public FormLink Link { get; init; } = FormLink.None;
}
