using System.Text.Json.Serialization;

namespace SupervisionBot.Cards.Model;

/// <summary>
/// Anything that can sit in a card body or a container. The JSON "type" discriminator selects the
/// concrete class; an unknown type fails deserialisation rather than silently disappearing.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(VerticalBarChart), "Chart.VerticalBar")]
[JsonDerivedType(typeof(HorizontalBarChart), "Chart.HorizontalBar")]
[JsonDerivedType(typeof(GaugeChart), "Chart.Gauge")]
public abstract class CardElement
{
    public string? Id { get; init; }

    /// <summary>Null means visible (the schema default); only false is worth sending.</summary>
    public bool? IsVisible { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}
