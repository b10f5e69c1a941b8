using System.Globalization;
using System.Text;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Table keys may not contain '/', '\', '#', '?' or control characters, but Teams ids can
/// ('a:1qhN/…' style personal chat ids). Escaping those few keeps keys readable and reversible.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var forbidden = c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
            if (forbidden)
            {
                builder ??= new StringBuilder(value, 0, i, value.Length + 8);
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }
        return builder?.ToString() ?? value;
    }
}
