using System.Globalization;
using System.Text;

namespace SupervisionBot.Dialogs.Commands;

/// <summary>The commands the bot understands, in the order the help card lists them.</summary>
public static class CommandCatalogue
{
    public static IReadOnlyList<ChatCommand> All { get; } =
    [
        new(CommandKind.Help, "ช่วยเหลือ", "help", "แสดงคำแนะนำและคำสั่งทั้งหมด", "Show this guide and all commands"),
    ];

    /// <summary>
    /// The command the text names, or null. Case, surrounding spaces, a leading slash and Thai
    /// composed/decomposed forms are ignored; anything after the keyword is the command's argument.
    /// </summary>
    public static (ChatCommand Command, string Argument)? Parse(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC).Trim().TrimStart('/').Trim();
        foreach (var command in All)
        {
            foreach (var keyword in (string[])[command.ThaiKeyword, command.EnglishKeyword])
            {
                if (normalized.StartsWith(keyword, true, CultureInfo.InvariantCulture)
                    && (normalized.Length == keyword.Length || char.IsWhiteSpace(normalized[keyword.Length])))
                {
                    return (command, normalized[keyword.Length..].Trim());
                }
            }
        }
        return null;
    }
}
