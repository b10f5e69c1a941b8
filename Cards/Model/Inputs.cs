namespace SupervisionBot.Cards.Model;

/// <summary>
/// Common input properties. The id is the key under which the client returns the value, so it is
/// required; the renderer rejects an input without one.
/// </summary>
public abstract class CardInput : CardElement
{
    // Hides the optional base id: for inputs it is mandatory.
    public new required string Id { get => base.Id!; init => base.Id = value; }

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    /// <summary>Shown by the client when its own validation (required, regex, range) fails.</summary>
    public string? ErrorMessage { get; init; }
}

public sealed class TextInput : CardInput
{
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Regex { get; init; }

    public TextInputStyle? Style { get; init; }
}

public sealed class NumberInput : CardInput
{
    public double? Value { get; init; }

    public string? Placeholder { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }
}

/// <summary>Dates travel as ISO "yyyy-MM-dd" strings, whatever calendar the user's client shows.</summary>
public sealed class DateInput : CardInput
{
    public DateOnly? Value { get; init; }

    public string? Placeholder { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }
}

/// <summary>Times travel as "HH:mm" strings.</summary>
public sealed class TimeInput : CardInput
{
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}

public sealed class ToggleInput : CardInput
{
    public required string Title { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}

public sealed class ChoiceSetInput : CardInput
{
    public required List<Choice> Choices { get; init; }

    public bool? IsMultiSelect { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    /// <summary>The selected value; for a multi-select, the selected values joined by commas.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? Wrap { get; init; }
}

public sealed record Choice(string Title, string Value);
