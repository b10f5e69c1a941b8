using System.Globalization;
using System.Text;

namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Table keys may not contain '/', '\', '#', '?' or control characters, but Teams ids can
/// ('a:1qhN/…' style personal chat ids). Escaping those few keeps keys readable and reversible.
/// Keys are also limited in size, which escaping cannot fix: <see cref="Fits"/> says whether an id
/// from outside can be a key at all.
/// </summary>
public static class TableKeys
{
    /// <summary>
    /// Azure allows 1 KiB of UTF-16 per key (512 chars) and answers 400 beyond it; Azurite does not
    /// enforce the limit, so we do. Our keys add short prefixes ("c|", "|v1") to escaped ids.
    /// </summary>
    public const int MaxEscapedIdLength = 480;

    public static string Escape(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsForbidden(c))
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

    /// <summary>
    /// Whether <paramref name="id"/>, escaped, is short enough to be (part of) a key. An id that does
    /// not fit names no row, so a lookup with it can answer "not found" without asking the store.
    /// </summary>
    public static bool Fits(string id)
    {
        if (id.Length > MaxEscapedIdLength)
        {
            return false;
        }
        var escapedLength = id.Length;
        foreach (var c in id)
        {
            if (IsForbidden(c))
            {
                escapedLength += 2;
            }
        }
        return escapedLength <= MaxEscapedIdLength;
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
