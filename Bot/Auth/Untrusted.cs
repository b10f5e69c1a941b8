using System.Text;

namespace SupervisionBot.Bot.Auth;

/// <summary>
/// Prepares a value a caller chose (an issuer, a serviceUrl, a channel id) for a log line: short, and with
/// control characters replaced, so a hostile request can neither flood the log nor forge lines in it.
/// </summary>
public static class Untrusted
{
    public const int MaxLength = 100;

    public static string Shorten(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var kept = value.Length <= MaxLength ? value : value[..MaxLength];
        var builder = new StringBuilder(kept.Length + 16);
        foreach (var c in kept)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        if (value.Length > MaxLength)
        {
            builder.Append("…(").Append(value.Length).Append(" chars)");
        }

        return builder.ToString();
    }
}
