using SupervisionBot.Cards.Builders;

namespace SupervisionBot.Dialogs.Forms;

public enum ItemKind
{
    SingleChoice,
    MultipleChoice,
    Likert,
    Checklist,
    Rating,
    ShortText,
    LongText,
    Number,
    Date,
    Picker,
}

/// <summary>One option of a choice item. <see cref="Value"/> is what is stored; the label is what is shown.</summary>
public sealed record Choice(string Value, LocalizedText Label);

/// <summary>
/// Shows an item only when an earlier item holds one of <see cref="Values"/>. Earlier, so that a card
/// can be validated top to bottom in one pass and an answer never depends on one not yet given.
/// </summary>
public sealed record ShowWhen(string ItemId, IReadOnlyList<string> Values)
{
    public bool IsMetBy(FormAnswers answers) =>
        answers.GetValues(ItemId).Any(value => Values.Contains(value, StringComparer.Ordinal));
}

/// <summary>A question on a form.</summary>
public abstract record FormItem
{
    public required string Id { get; init; }

    public required LocalizedText Label { get; init; }

    public LocalizedText? Help { get; init; }

    public bool Required { get; init; }

    public ShowWhen? ShowWhen { get; init; }

    public abstract ItemKind Kind { get; }

    /// <summary>
    /// The values an answer can take when they are fixed by the definition (choices, scale levels,
    /// learning-area codes); null for free answers. A <see cref="Forms.ShowWhen"/> may only test these.
    /// </summary>
    public abstract IReadOnlyList<string>? KnownValues { get; }
}

/// <summary>singleChoice and multipleChoice. Multiple answers are stored comma-joined in choice order.</summary>
public sealed record ChoiceItem : FormItem
{
    public required bool AllowsMultiple { get; init; }

    public required IReadOnlyList<Choice> Choices { get; init; }

    public override ItemKind Kind => AllowsMultiple ? ItemKind.MultipleChoice : ItemKind.SingleChoice;

    public override IReadOnlyList<string> KnownValues => Choices.Select(c => c.Value).ToArray();
}

/// <summary>
/// An item answered on five levels, 1–5: a Likert item (มาตราส่วนประมาณค่า) or a quality rating
/// (ยอดเยี่ยม … กำลังพัฒนา). Both are summarised with x̄ and S.D.
/// </summary>
public abstract record ScaledItem : FormItem
{
    /// <summary>Stored instead of a level when the respondent says the item does not apply (ไม่เกี่ยวข้อง).</summary>
    public const string NotApplicable = ChecklistValues.NotApplicable;

    public static readonly IReadOnlyList<string> LevelValues = ["1", "2", "3", "4", "5"];

    public required FiveLevelScale Scale { get; init; }

    public bool AllowsNotApplicable { get; init; }

    /// <summary>Whether answers count in the item, section (รายด้าน) and overall (โดยรวม) means.</summary>
    public bool InStatistics { get; init; } = true;

    /// <summary>
    /// The measure this item belongs to when a form rates each topic twice (e.g. problem level and
    /// need for support); means are only ever pooled within one series. Null is the form's single measure.
    /// </summary>
    public string? Series { get; init; }

    public override IReadOnlyList<string> KnownValues => AllowsNotApplicable ? [.. LevelValues, NotApplicable] : LevelValues;
}

public sealed record LikertItem : ScaledItem
{
    public override ItemKind Kind => ItemKind.Likert;
}

public sealed record RatingItem : ScaledItem
{
    public override ItemKind Kind => ItemKind.Rating;
}

/// <summary>ปฏิบัติ / ไม่ปฏิบัติ / ไม่เกี่ยวข้อง, with an optional evidence note (stored under <see cref="FormAnswers.EvidenceKey"/>).</summary>
public sealed record ChecklistItem : FormItem
{
    // The card's choice submits these, so stored answers and cards cannot drift apart.
    public const string Done = ChecklistValues.Done;
    public const string NotDone = ChecklistValues.NotDone;
    public const string NotApplicable = ChecklistValues.NotApplicable;

    public const int EvidenceMaxLength = 1000;

    public static readonly IReadOnlyList<string> Values = [Done, NotDone, NotApplicable];

    public static readonly IReadOnlyDictionary<string, LocalizedText> ValueLabels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [Done] = new("ปฏิบัติ", "Done"),
        [NotDone] = new("ไม่ปฏิบัติ", "Not done"),
        [NotApplicable] = new("ไม่เกี่ยวข้อง", "Not applicable"),
    };

    /// <summary>The prompt for the evidence note, e.g. "หลักฐาน เช่น ประกาศมาตรฐานการศึกษา"; null when none is asked for.</summary>
    public LocalizedText? Evidence { get; init; }

    /// <summary>Whether answers count in the percentage done.</summary>
    public bool InStatistics { get; init; } = true;

    public override ItemKind Kind => ItemKind.Checklist;

    public override IReadOnlyList<string> KnownValues => Values;
}

/// <summary>shortText and longText; length is counted in UTF-16 units as Adaptive Card inputs count it.</summary>
public sealed record TextItem : FormItem
{
    public const int DefaultShortMaxLength = 200;
    public const int DefaultLongMaxLength = 2000;

    public required bool Multiline { get; init; }

    public required int MaxLength { get; init; }

    public override ItemKind Kind => Multiline ? ItemKind.LongText : ItemKind.ShortText;

    public override IReadOnlyList<string>? KnownValues => null;
}

public sealed record NumberItem : FormItem
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool IntegerOnly { get; init; } = true;

    public override ItemKind Kind => ItemKind.Number;

    public override IReadOnlyList<string>? KnownValues => null;
}

/// <summary>A calendar date, stored yyyy-MM-dd in the Gregorian calendar; B.E. is for display only.</summary>
public sealed record DateItem : FormItem
{
    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    public override ItemKind Kind => ItemKind.Date;

    public override IReadOnlyList<string>? KnownValues => null;
}

/// <summary>A choice whose options come from outside the form (<see cref="IPickerChoices"/>).</summary>
public sealed record PickerItem : FormItem
{
    /// <summary>The longest name typed when there is no list to choose from (see <see cref="IPickerChoices"/>).</summary>
    public const int FreeTextMaxLength = 200;

    public required PickerSource Source { get; init; }

    public override ItemKind Kind => ItemKind.Picker;

    /// <summary>Learning areas are fixed by the curriculum; schools and teachers change with the directory.</summary>
    public override IReadOnlyList<string>? KnownValues =>
        Source == PickerSource.LearningArea ? LearningAreas.All.Select(a => a.Code).ToArray() : null;
}
