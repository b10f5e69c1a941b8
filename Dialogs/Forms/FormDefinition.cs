namespace SupervisionBot.Dialogs.Forms;

/// <summary>A measure a form rates topics on, e.g. สภาพปัญหา and ความต้องการ in a needs survey.</summary>
public sealed record StatisticSeries(string Id, LocalizedText Label);

/// <summary>
/// The two series of a needs assessment (การประเมินความต้องการจำเป็น): the current state
/// (สภาพที่เป็นจริง, D) and the desired state (สภาพที่พึงประสงค์, I), whose items pair up by topic.
/// </summary>
public sealed record PriorityNeedsSeries(string Current, string Desired);

public sealed record FormSettings
{
    /// <summary>Who may fill the form.</summary>
    public required IReadOnlySet<RespondentRole> Roles { get; init; }

    /// <summary>Who may read its responses and summaries.</summary>
    public required IReadOnlySet<RespondentRole> Readers { get; init; }

    /// <summary>Anonymous responses are stored without the respondent (PDPA data minimisation).</summary>
    public required bool Anonymous { get; init; }

    public required LikertBandSet Scoring { get; init; }

    /// <summary>The labels Likert items use unless an item names its own.</summary>
    public required FiveLevelScale LikertScale { get; init; }

    /// <summary>Shown on the first card, before anything is collected (PDPA s.23).</summary>
    public required LocalizedText PrivacyNotice { get; init; }

    /// <summary>Years responses are kept after the academic year they were given in, then purged (PDPA s.37).</summary>
    public required int RetentionYears { get; init; }

    /// <summary>Words typed in chat that open the form, matched case-insensitively.</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    public required IReadOnlyList<StatisticSeries> Series { get; init; }

    /// <summary>Set when the form is a needs assessment ranked by PNImodified; null otherwise.</summary>
    public PriorityNeedsSeries? PriorityNeeds { get; init; }
}

public sealed record FormSection
{
    public required string Id { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Description { get; init; }

    public required IReadOnlyList<FormItem> Items { get; init; }
}

/// <summary>A form as data: loaded from JSON by <see cref="FormDefinitionLoader"/>, never built ad hoc.</summary>
public sealed record FormDefinition
{
    public required string Id { get; init; }

    /// <summary>Raised whenever questions change, so stored responses are read against the items they answered.</summary>
    public required int Version { get; init; }

    public required FormKind Kind { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Description { get; init; }

    public required FormSettings Settings { get; init; }

    public required IReadOnlyList<FormSection> Sections { get; init; }

    /// <summary>Every item in form order.</summary>
    public IEnumerable<FormItem> Items => Sections.SelectMany(s => s.Items);

    public FormSection? FindSection(string sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId);

    public FormItem? FindItem(string itemId) => Items.FirstOrDefault(i => i.Id == itemId);

    public bool CanBeFilledBy(RespondentRole role) => Settings.Roles.Contains(role);

    public bool CanBeReadBy(RespondentRole role) => Settings.Readers.Contains(role);
}
