using System.Text.Json.Nodes;

namespace SupervisionBot.Cards.Builders;

// Presentation models: every user-visible string here is already localised by the caller.

/// <summary>A button that runs <see cref="Verb"/> on the bot with <see cref="Data"/>.</summary>
public sealed record ButtonView(string Title, string Verb, JsonObject? Data = null);

/// <summary>A chat command and what it does, e.g. "เมนู" → "แสดงแบบฟอร์มที่กรอกได้".</summary>
public sealed record CommandView(string Command, string Description);

public sealed record WelcomeView(
    string Title,
    string Description,
    IReadOnlyList<CommandView> Commands,
    IReadOnlyList<ButtonView>? Buttons = null);

public sealed record MessageView(string Title, string Text, IReadOnlyList<ButtonView>? Buttons = null);

public sealed record MenuView(string Title, string? Intro, IReadOnlyList<FormEntryView> Forms);

public sealed record FormEntryView(string FormId, string Title, string Description);

public enum FieldKind
{
    ShortText,
    LongText,
    Number,
    Date,
    SingleChoice,
    MultipleChoice,

    /// <summary>5-level agreement/satisfaction scale, answered 5 (highest) to 1; generic labels unless <see cref="FieldView.Descriptors"/> are given.</summary>
    Likert5,

    /// <summary>Done / not done / not applicable, optionally with an evidence note.</summary>
    ChecklistItem,

    /// <summary>1–5 quality rating, each level with its own descriptor.</summary>
    QualityRating,
}

public sealed record ChoiceView(string Value, string Title);

public sealed record FieldView
{
    /// <summary>The input id: the key under which the answer comes back. Unique within the card.</summary>
    public required string Id { get; init; }

    public required FieldKind Kind { get; init; }

    public required string Label { get; init; }

    public string? HelpText { get; init; }

    public bool IsRequired { get; init; }

    /// <summary>Number range; both bounds also produce the client-side range message.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    public DateOnly? MinDate { get; init; }

    public DateOnly? MaxDate { get; init; }

    /// <summary>For text fields and the checklist evidence note.</summary>
    public int? MaxLength { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>Options of a single or multiple choice; for a checklist item, its own wording of the three answers.</summary>
    public IReadOnlyList<ChoiceView> Choices { get; init; } = [];

    /// <summary>Labels for levels 1 to 5, in that order: exactly five for a quality rating; none or five for a Likert item.</summary>
    public IReadOnlyList<string> Descriptors { get; init; } = [];

    /// <summary>Adds "does not apply" (<see cref="ChecklistValues.NotApplicable"/>) after the levels of a scale.</summary>
    public bool AllowsNotApplicable { get; init; }

    /// <summary>
    /// The input id of a checklist item's evidence note; null asks for no note. The caller names it
    /// because the same key must come back to its validator and its stored answers.
    /// </summary>
    public string? EvidenceId { get; init; }

    /// <summary>The prompt above the evidence note, e.g. "หลักฐาน เช่น แผนการจัดการเรียนรู้"; a generic one when null.</summary>
    public string? EvidenceLabel { get; init; }

    /// <summary>
    /// The current answer in the card's value format: numbers in invariant culture, dates as
    /// yyyy-MM-dd, multiple choices as comma-separated values, checklist items as a
    /// <see cref="ChecklistValues"/> value.
    /// </summary>
    public string? Value { get; init; }

    public string? EvidenceValue { get; init; }

    /// <summary>The server's validation message for this field, shown under it.</summary>
    public string? Error { get; init; }
}

public sealed record FormSectionView
{
    public required string FormTitle { get; init; }

    public required string SectionTitle { get; init; }

    public string? SectionDescription { get; init; }

    /// <summary>1-based; with <see cref="SectionCount"/> gives "ส่วนที่ 2/5".</summary>
    public required int SectionNumber { get; init; }

    public required int SectionCount { get; init; }

    /// <summary>1-based page within a section split over <see cref="PageCount"/> pages; shown only when there are several.</summary>
    public int PageNumber { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    /// <summary>The PDPA notice; give it on the first card of a form.</summary>
    public string? PrivacyNotice { get; init; }

    public required IReadOnlyList<FieldView> Fields { get; init; }

    /// <summary>Sent with every navigation button, e.g. {formId, section, stateVersion}.</summary>
    public required JsonObject ActionData { get; init; }

    /// <summary>Overrides "not the first section" when a section is split over several pages.</summary>
    public bool? CanGoBack { get; init; }

    /// <summary>Overrides "the last section" when a section is split over several pages.</summary>
    public bool? IsLastPage { get; init; }
}

public sealed record AnswerView(string Label, string? Text);

/// <param name="EditData">Data for this section's Edit button; null shows no button (receipts).</param>
public sealed record AnswerSectionView(string Title, IReadOnlyList<AnswerView> Answers, JsonObject? EditData = null);

/// <param name="ActionData">Sent with Submit and Cancel, e.g. {formId, stateVersion}.</param>
public sealed record ReviewView(string FormTitle, IReadOnlyList<AnswerSectionView> Sections, JsonObject ActionData);

/// <param name="SubmittedAt">Display string, already formatted for the user (Buddhist Era for Thai).</param>
public sealed record ReceiptView(string FormTitle, string ReferenceNumber, string SubmittedAt, IReadOnlyList<AnswerSectionView> Sections);
