using System.Text.Json.Serialization;

namespace SupervisionBot.Cards.Model;

public sealed class TextBlock : CardElement
{
    public required string Text { get; init; }

    public bool? Wrap { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    public int? MaxLines { get; init; }

    /// <summary>Heading marks the block as a heading for screen readers, not only visually.</summary>
    public TextBlockStyle? Style { get; init; }
}

public sealed class RichTextBlock : CardElement
{
    public required List<TextRun> Inlines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>A run of text inside a <see cref="RichTextBlock"/>.</summary>
public sealed class TextRun
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public required string Text { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public bool? Highlight { get; init; }
}

public sealed class Container : CardElement
{
    public required List<CardElement> Items { get; init; }

    public ContainerStyle? Style { get; init; }

    /// <summary>Lets a styled container's background reach the card edges, as Teams banners do.</summary>
    public bool? Bleed { get; init; }

    /// <summary>Tapping the container runs this action. The schema forbids Action.ShowCard here.</summary>
    public CardAction? SelectAction { get; init; }
}

public sealed class ColumnSet : CardElement
{
    public required List<Column> Columns { get; init; }
}

public sealed class Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public required List<CardElement> Items { get; init; }

    public ColumnWidth? Width { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}

public sealed class FactSet : CardElement
{
    public required List<Fact> Facts { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed class Table : CardElement
{
    public required List<TableColumnDefinition> Columns { get; init; }

    public required List<TableRow> Rows { get; init; }

    /// <summary>The schema default is true; set false for a table without a header row.</summary>
    public bool? FirstRowAsHeader { get; init; }

    public bool? ShowGridLines { get; init; }
}

public sealed record TableColumnDefinition(ColumnWidth Width);

public sealed class TableRow
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableRow";

    public required List<TableCell> Cells { get; init; }

    public ContainerStyle? Style { get; init; }
}

public sealed class TableCell
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableCell";

    public required List<CardElement> Items { get; init; }
}

public sealed class Image : CardElement
{
    public required string Url { get; init; }

    /// <summary>Required by us, not by the schema: every image must be described for screen readers.</summary>
    public required string AltText { get; init; }

    public ImageSize? Size { get; init; }
}

/// <summary>
/// A row of buttons inside the body. Teams asks for Action.Execute buttons to live in an ActionSet
/// so that older clients can apply the action's fallback.
/// </summary>
public sealed class ActionSet : CardElement
{
    public required List<CardAction> Actions { get; init; }
}
