using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.People;

/// <summary>
/// Schools, teachers, school groups and centres for the form pickers (config section "Directory"),
/// until the directory in Table Storage supplies them. Left empty, the forms ask for the name as text.
/// </summary>
public sealed class DirectoryOptions
{
    public List<PickerChoice> Schools { get; set; } = [];

    public List<PickerChoice> Teachers { get; set; } = [];

    public List<PickerChoice> Groups { get; set; } = [];

    public List<PickerChoice> Centres { get; set; } = [];

    public IReadOnlyDictionary<PickerSource, IReadOnlyList<PickerChoice>> ByPicker() => new Dictionary<PickerSource, IReadOnlyList<PickerChoice>>
    {
        [PickerSource.School] = Schools,
        [PickerSource.Teacher] = Teachers,
        [PickerSource.Group] = Groups,
        [PickerSource.Centre] = Centres,
    };
}
