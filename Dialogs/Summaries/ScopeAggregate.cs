using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// What is kept for one form version from one place (a school, or a group or the area when no school
/// is known), updated as each response is stored: the mergeable totals of every item and the latest
/// few free-text answers, so a summary reads these and never the responses, whatever their number.
/// A wider scope is the merge of the places in it.
/// </summary>
public sealed class ScopeAggregate
{
    /// <summary>Free-text answers kept per item: a summary lists a few, and the export has them all.</summary>
    public const int TextsKept = 5;

    /// <summary>A kept answer is cut to this many characters; the full text stays in the response.</summary>
    public const int TextMaxLength = 300;

    public SummaryTotals Totals { get; set; } = new();

    /// <summary>Per long-text item (suggestions, notes), its latest answers, newest first, with when each was given so places can be merged.</summary>
    public Dictionary<string, List<KeptText>> Texts { get; set; } = new(StringComparer.Ordinal);

    public void Add(FormDefinition form, FormResponse response)
    {
        var summary = FormSummary.FromTotals(form, Totals);
        summary.Add(response);
        Totals = summary.ToTotals();
        foreach (var item in form.Items.OfType<TextItem>().Where(i => i.Multiline))
        {
            if (response.Answers.Get(item.Id) is { Length: > 0 } text)
            {
                Keep(item.Id, [new KeptText(text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…", response.SubmittedUtc)]);
            }
        }
    }

    /// <summary>The aggregate of several places together: totals added, and the latest texts of all of them.</summary>
    public static ScopeAggregate Merge(FormDefinition form, IEnumerable<ScopeAggregate> parts)
    {
        var summary = new FormSummary(form);
        var merged = new ScopeAggregate();
        foreach (var part in parts)
        {
            summary.Merge(part.Summary(form));
            foreach (var (itemId, texts) in part.Texts)
            {
                merged.Keep(itemId, texts);
            }
        }
        merged.Totals = summary.ToTotals();
        return merged;
    }

    public FormSummary Summary(FormDefinition form) => FormSummary.FromTotals(form, Totals);

    /// <summary>Adds texts to an item's kept ones, newest first; of the same time, the one added last counts as newer.</summary>
    private void Keep(string itemId, IEnumerable<KeptText> texts)
    {
        var kept = Texts.TryGetValue(itemId, out var list) ? list : Texts[itemId] = [];
        kept.InsertRange(0, texts);
        var newest = kept.Select((text, order) => (text, order)).OrderByDescending(t => t.text.At).ThenBy(t => t.order).Take(TextsKept).Select(t => t.text).ToList();
        kept.Clear();
        kept.AddRange(newest);
    }
}

/// <summary>A free-text answer a summary may show, and when it was given.</summary>
public sealed record KeptText(string Text, DateTimeOffset At);

/// <summary>What the responses from one place add up to.</summary>
public sealed record PlaceAggregate(ResponsePlace Place, ScopeAggregate Aggregate);

/// <summary>
/// The aggregates of every form, kept up to date as responses are stored (named ones when saved,
/// anonymous ones when released, in the same write as the response) and read by summaries.
/// </summary>
public interface IResponseAggregates
{
    /// <summary>
    /// The aggregates of the <paramref name="wanted"/> places for <paramref name="form"/>'s version:
    /// of all its responses (<paramref name="campaign"/> null) or of one campaign's.
    /// </summary>
    Task<IReadOnlyList<PlaceAggregate>> ReadPlacesAsync(FormDefinition form, string? campaign, Func<ResponsePlace, bool> wanted, CancellationToken cancellationToken);
}
