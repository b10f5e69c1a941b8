namespace SupervisionBot.Dialogs.Commands;

/// <summary>The export card's verbs.</summary>
public static class ExportVerbs
{
    public const string Prefix = "export.";

    /// <summary>The card's button: check the choices and offer the file.</summary>
    public const string Request = "export.request";
}
