using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Bot.People;

/// <summary>
/// Schools and teachers for the form pickers (config section "Directory"), until the directory
/// synced from Microsoft Graph supplies them. Left empty, the forms ask for the name as text.
/// </summary>
public sealed class DirectoryOptions
{
    public List<PickerChoice> Schools { get; set; } = [];

    public List<PickerChoice> Teachers { get; set; } = [];
}
