namespace SupervisionBot.Dialogs.Statistics;

/// <summary>
/// The plain numbers behind a <see cref="FormSummary"/>, shaped for storing as JSON: per Likert item
/// [n, Σx, Σx²], per checklist item [done, not done, not applicable], per choice item its tally.
/// </summary>
public sealed class SummaryTotals
{
    public long Respondents { get; set; }

    public Dictionary<string, long[]> Scaled { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, long[]> Checklists { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, ChoiceTotals> Choices { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ChoiceTotals
{
    public long Answered { get; set; }

    public Dictionary<string, long> Counts { get; set; } = new(StringComparer.Ordinal);
}
