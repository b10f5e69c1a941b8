using System.Text.Json;

namespace SupervisionBot.Bot.Protocol;

/// <summary>
/// Checks a JSON value the bot will turn into objects and text (a card's submitted data). The
/// parser keeps such values raw, so what it tolerates there only fails later, mid-turn: a
/// repeated key makes <c>JsonObject</c> throw, a lone UTF-16 surrogate escape makes reading the
/// string throw or writing it to storage fail.
/// </summary>
public static class WellFormedJson
{
    /// <summary>Card data is a flat object with the odd list; anything this deep was not sent by a card.</summary>
    public const int MaxDepth = 16;

    /// <returns>Why the value is unusable, or null when it is fine.</returns>
    public static string? Problem(JsonElement value)
    {
        try
        {
            return Check(value, 1);
        }
        catch (InvalidOperationException)
        {
            // Reading a key or a string with a broken surrogate escape throws rather than answers.
            return "text that is not valid Unicode";
        }
    }

    private static string? Check(JsonElement value, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"nested deeper than {MaxDepth}";
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (!IsValidText(property.Name))
                    {
                        return "a key is not valid Unicode";
                    }
                    if (!names.Add(property.Name))
                    {
                        return "a key is repeated";
                    }
                    if (Check(property.Value, depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (Check(item, depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }
                return null;
            case JsonValueKind.String:
                return IsValidText(value.GetString()!) ? null : "a string is not valid Unicode";
            default:
                return null;
        }
    }

    /// <summary>True when every surrogate in <paramref name="text"/> is half of a pair.</summary>
    public static bool IsValidText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
