namespace SupervisionBot.Bot.AreaDirectory;

/// <summary>The directory's settings (config section "Directory", beside the fallback picker lists).</summary>
public sealed class AreaDirectoryOptions
{
    /// <summary>
    /// How often an instance asks storage whether another instance imported a new version: one
    /// small read per interval, however many turns, so an import reaches every instance within it.
    /// </summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>
    /// AAD object ids of the office's admins: they hold the admin role whatever the directory says,
    /// so the first import can be made from chat and a bad import cannot lock them out.
    /// </summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>
    /// Hosts a file sent in chat may be downloaded from (host, *.host or https://origin); empty means
    /// SharePoint Online, where Teams keeps files attached in a personal chat.
    /// </summary>
    public List<string> FileHosts { get; set; } = [];
}
