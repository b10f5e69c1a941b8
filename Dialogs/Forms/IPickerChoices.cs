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
    ValueTask<IReadOnlyList<PickerChoice>> GetChoicesAsync(PickerSource source, Language language, CancellationToken cancellationToken);
}

/// <summary>The learning-area picker, which needs no directory: the areas are fixed by the curriculum.</summary>
public sealed class LearningAreaPickerChoices : IPickerChoices
{
    public ValueTask<IReadOnlyList<PickerChoice>> GetChoicesAsync(PickerSource source, Language language, CancellationToken cancellationToken)
    {
        if (source != PickerSource.LearningArea)
        {
            throw new NotSupportedException($"{source} choices come from the school directory, not from the curriculum.");
        }

        IReadOnlyList<PickerChoice> choices = LearningAreas.All.Select(a => new PickerChoice(a.Code, a.Name.Get(language))).ToArray();
        return ValueTask.FromResult(choices);
    }
}
