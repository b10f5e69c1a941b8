using SupervisionBot.Cards;
namespace SupervisionBot.Dialogs.Forms;

/// <summary>One option of a picker, already in the reader's language.</summary>
public sealed record PickerChoice(string Value, string Title);

/// <summary>
/// Where picker items get their options. Schools and teachers come from the area office's directory,
/// which lives outside this library, so they arrive through this port.
/// </summary>
public interface IPickerChoices
{
    /// <summary>
    /// The options, or an empty list when there is no list for <paramref name="source"/>: the form
    /// then asks for the name as text (at most <see cref="PickerItem.FreeTextMaxLength"/> characters)
    /// rather than stopping a supervisor who is visiting a school today.
    /// </summary>
    ValueTask<IReadOnlyList<PickerChoice>> GetChoicesAsync(PickerSource source, Language language, CancellationToken cancellationToken);
}

/// <summary>The learning-area picker, which needs no directory: the areas are fixed by the curriculum.</summary>
public sealed class LearningAreaPickerChoices : IPickerChoices
{
    public ValueTask<IReadOnlyList<PickerChoice>> GetChoicesAsync(PickerSource source, Language language, CancellationToken cancellationToken)
    {
        IReadOnlyList<PickerChoice> choices = source == PickerSource.LearningArea
            ? LearningAreas.All.Select(a => new PickerChoice(a.Code, a.Name.Get(language))).ToArray()
            : [];
        return ValueTask.FromResult(choices);
    }
}

/// <summary>
/// Schools, teachers, school groups and centres from lists given at start-up (e.g. from
/// configuration), learning areas from the curriculum. A missing or empty list means "type the name"
/// for that picker.
/// </summary>
public sealed class ConfiguredPickerChoices(IReadOnlyDictionary<PickerSource, IReadOnlyList<PickerChoice>> lists) : IPickerChoices
{
    private readonly LearningAreaPickerChoices learningAreas = new();

    public ValueTask<IReadOnlyList<PickerChoice>> GetChoicesAsync(PickerSource source, Language language, CancellationToken cancellationToken) =>
        source == PickerSource.LearningArea
            ? learningAreas.GetChoicesAsync(source, language, cancellationToken)
            : ValueTask.FromResult(lists.TryGetValue(source, out var list) ? list : []);
}
