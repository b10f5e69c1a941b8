using System.Text.Json.Serialization;

namespace SupervisionBot.Cards.Model;

// Teams host elements (learn.microsoft.com, "Charts in Adaptive Cards"); not in the Adaptive Cards 1.5
// schema, so every chart carries a fallback that hosts without charts render instead.

/// <summary>Bars left to right: <c>data</c> is [{x, y}].</summary>
public sealed class VerticalBarChart : CardElement
{
    public string? Title { get; init; }

    public required List<BarValue> Data { get; init; }

    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    public string? Color { get; init; }

    public bool? ShowBarValues { get; init; }

    /// <summary>What a host without charts shows: one of our elements (the schema also allows "drop").</summary>
    public required CardElement Fallback { get; init; }
}

/// <summary>Bars top to bottom, which leaves room for long Thai labels: <c>data</c> is [{x, y}].</summary>
public sealed class HorizontalBarChart : CardElement
{
    public string? Title { get; init; }

    public required List<BarValue> Data { get; init; }

    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    public string? Color { get; init; }

    /// <summary>"AbsoluteWithAxis" (default), "AbsoluteNoAxis" or "PartToWhole".</summary>
    public string? DisplayMode { get; init; }

    public required CardElement Fallback { get; init; }
}

/// <summary>One value on a dial between <see cref="Min"/> and <see cref="Max"/>, e.g. a response rate.</summary>
public sealed class GaugeChart : CardElement
{
    public string? Title { get; init; }

    public required decimal Value { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? SubLabel { get; init; }

    /// <summary>"Percentage" or "Fraction".</summary>
    public string? ValueFormat { get; init; }

    public List<GaugeSegment>? Segments { get; init; }

    public bool? ShowLegend { get; init; }

    public bool? ShowMinMax { get; init; }

    public required CardElement Fallback { get; init; }
}

public sealed record BarValue(
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] decimal Y);

public sealed record GaugeSegment(string Legend, decimal Size, string? Color = null);
