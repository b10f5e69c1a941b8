using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// What is kept for one form version in one <see cref="SummaryScope"/>, updated as each response is
/// stored: the mergeable totals of every item and the latest few free-text answers, so a summary
/// reads this and never the responses, whatever their number.
/// </summary>
public sealed class ScopeAggregate
{
    /// <summary>Free-text answers kept per item: a summary lists a few, and the export has them all.</summary>
    public const int TextsKept = 5;

    /// <summary>A kept answer is cut to this many characters; the full text stays in the response.</summary>
    public const int TextMaxLength = 300;

    public SummaryTotals Totals { get; set; } = new();

    /// <summary>Per long-text item (suggestions, notes), its latest answers, newest first.</summary>
    public Dictionary<string, List<string>> Texts { get; set; } = new(StringComparer.Ordinal);

    public void Add(FormDefinition form, FormResponse response)
    {
        var summary = FormSummary.FromTotals(form, Totals);
        summary.Add(response);
        Totals = summary.ToTotals();
        foreach (var item in form.Items.OfType<TextItem>().Where(i => i.Multiline))
        {
            if (response.Answers.Get(item.Id) is not { Length: > 0 } text)
            {
                continue;
            }
            var kept = Texts.TryGetValue(item.Id, out var list) ? list : Texts[item.Id] = [];
            kept.Insert(0, text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…");
            if (kept.Count > TextsKept)
            {
                kept.RemoveRange(TextsKept, kept.Count - TextsKept);
            }
        }
    }

    public FormSummary Summary(FormDefinition form) => FormSummary.FromTotals(form, Totals);
}

/// <summary>
/// The aggregates of every form, kept up to date as responses are stored (named ones when saved,
/// anonymous ones when released) and read by summaries.
/// </summary>
public interface IResponseAggregates
{
    /// <summary>
    /// Adds a stored response to every scope it counts in. <paramref name="responseKey"/> names the
    /// stored response: recording the same key again changes nothing, so a redelivered or retried
    /// save is counted once. A response linked to a campaign counts in that campaign's scopes too.
    /// </summary>
    Task RecordAsync(string responseKey, FormResponse response, CancellationToken cancellationToken);

    /// <summary>The aggregate of one scope; an empty one when no response has been counted there.</summary>
    Task<ScopeAggregate> ReadAsync(FormDefinition form, SummaryScope scope, CancellationToken cancellationToken);

    /// <summary>Every group's or every school's aggregate (per <paramref name="level"/>), for the breakdown table of a wider summary.</summary>
    Task<IReadOnlyList<(SummaryScope Scope, ScopeAggregate Aggregate)>> ReadLevelAsync(FormDefinition form, ScopeLevel level, string? campaign, CancellationToken cancellationToken);
}
