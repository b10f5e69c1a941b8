using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>
/// The school, group, centre and teacher pickers from the directory. A kind the directory does not
/// hold yet keeps its <paramref name="fallback"/> (the configured lists, or typing the name).
/// </summary>
public sealed class DirectoryPickerChoices(IOfficeDirectorySource directory, IPickerChoices fallback) : IPickerChoices
{
    /// <summary>
    /// More choices than this would break the card budget (<see cref="CardLimits.MaxJsonBytes"/>: a
    /// Thai name costs about 120 bytes as a choice) and nobody scrolls that far on a phone; the form
    /// then asks for the name as text, as it does with no list.
    /// </summary>
    public const int MaxChoices = 150;

    public async ValueTask<IReadOnlyList<PickerChoice>> GetChoicesAsync(PickerSource source, Language language, CancellationToken cancellationToken)
    {
        var current = await directory.CurrentAsync(cancellationToken);
        PickerChoice[] choices = source switch
        {
            PickerSource.School => current.Schools.Select(s => new PickerChoice(s.Code, s.Title(language))).ToArray(),
            PickerSource.Group => current.Groups.Select(g => new PickerChoice(g.Number.ToString(CultureInfo.InvariantCulture), g.Title(language))).ToArray(),
            PickerSource.Centre => current.Centres.Select(c => new PickerChoice(c.Code, c.Title(language))).ToArray(),
            PickerSource.Teacher => current.People.Where(p => p.Holds(RespondentRole.Teacher)).Select(p => new PickerChoice(p.Email, p.DisplayName)).ToArray(),
            _ => [],
        };
        if (choices.Length == 0)
        {
            return await fallback.GetChoicesAsync(source, language, cancellationToken);
        }
        return choices.Length <= MaxChoices ? choices : [];
    }
}
