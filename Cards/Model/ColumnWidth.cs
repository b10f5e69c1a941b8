using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupervisionBot.Cards.Model;

/// <summary>
/// Width of a <see cref="Column"/> or <see cref="TableColumnDefinition"/>: "auto", "stretch",
/// a relative weight (a JSON number) or a pixel width ("80px"). The schema allows a string or a
/// number, so one CLR type covers all four with a converter.
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int weight, int pixels)
    {
        Keyword = keyword;
        Weight = weight;
        Pixels = pixels;
    }

    /// <summary>"auto" or "stretch"; null for a weight or a pixel width.</summary>
    public string? Keyword { get; }

    public int Weight { get; }

    public int Pixels { get; }

    public static ColumnWidth Auto { get; } = new("auto", 0, 0);

    public static ColumnWidth Stretch { get; } = new("stretch", 0, 0);

    public static ColumnWidth Relative(int weight) =>
        weight > 0 ? new(null, weight, 0) : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A column weight must be positive.");

    public static ColumnWidth Px(int pixels) =>
        pixels > 0 ? new(null, 0, pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "A pixel width must be positive.");

    public override string ToString() =>
        Keyword ?? (Weight > 0 ? Weight.ToString(CultureInfo.InvariantCulture) : Pixels.ToString(CultureInfo.InvariantCulture) + "px");
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ColumnWidth.Relative(reader.GetInt32());
        }

        var text = reader.GetString() ?? throw new JsonException("A column width cannot be null.");
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return ColumnWidth.Auto;
        }

        if (string.Equals(text, "stretch", StringComparison.OrdinalIgnoreCase))
        {
            return ColumnWidth.Stretch;
        }

        if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var pixels))
        {
            return ColumnWidth.Px(pixels);
        }

        // Authors sometimes quote a weight ("2"); the renderer accepts it, so we read it too.
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
        {
            return ColumnWidth.Relative(weight);
        }

        throw new JsonException($"'{text}' is not a column width (auto, stretch, a weight or a pixel width like 80px).");
    }

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Keyword is null && value.Weight > 0)
        {
            writer.WriteNumberValue(value.Weight);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
