using System.Text;

namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>One record of a CSV file; <see cref="Row"/> is the line it starts on, the header being row 1.</summary>
public sealed record CsvRow(int Row, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180 CSV as spreadsheets write it: quoted fields may hold commas, quotes ("") and line
/// breaks, lines end in CRLF or LF. Thai school names hold commas often enough to need all of it.
/// </summary>
public static class CsvRows
{
    public static IReadOnlyList<CsvRow> Parse(string text)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        var fieldWasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    quoted = true;
                    fieldWasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    Add(rows, rowStart, fields);
                    fields = [];
                    field.Clear();
                    fieldWasQuoted = false;
                    line++;
                    rowStart = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            fields.Add(field.ToString());
            Add(rows, rowStart, fields);
        }
        return rows;
    }

    /// <summary>Blank lines (Excel leaves them at the end) are not rows.</summary>
    private static void Add(List<CsvRow> rows, int row, List<string> fields)
    {
        if (fields.Any(f => f.Length > 0))
        {
            rows.Add(new CsvRow(row, fields));
        }
    }

    /// <summary>Writes records with CRLF line ends, quoting only fields that need it.</summary>
    public static string Write(IEnumerable<IReadOnlyList<string>> records)
    {
        var builder = new StringBuilder();
        foreach (var record in records)
        {
            for (var i = 0; i < record.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }
                var value = record[i];
                if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))))
                {
                    builder.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
                }
                else
                {
                    builder.Append(value);
                }
            }
            builder.Append("\r\n");
        }
        return builder.ToString();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file's text without its BOM, and the lines (1-based) holding bytes that are not UTF-8: a
    /// file saved as TIS-620 or Windows-874 turns Thai names into those. Such bytes read as U+FFFD,
    /// so the rest of the file can still be checked and reported in the same pass.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out IReadOnlyList<int> badLines)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        var bad = new List<int>();
        badLines = bad;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var text = Encoding.UTF8.GetString(bytes);
            var line = 1;
            for (var rest = bytes; ; line++)
            {
                var end = rest.IndexOf((byte)'\n');
                try
                {
                    StrictUtf8.GetCharCount(end < 0 ? rest : rest[..end]);
                }
                catch (DecoderFallbackException)
                {
                    bad.Add(line);
                }
                if (end < 0)
                {
                    return text;
                }
                rest = rest[(end + 1)..];
            }
        }
    }
}
