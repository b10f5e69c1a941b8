using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Statistics;

/// <summary>A printed row: ข้อ | รายการประเมิน | x̄ | S.D. | ระดับ | อันดับ. Aspect and overall rows have no number and no rank.</summary>
public sealed record SummaryRow(string? Number, string Label, long N, string Mean, string StandardDeviation, string? Level, int? Rank);

/// <summary>
/// The results table of one series of a form as Thai reports print it: each item with its rank,
/// each aspect (รายด้าน), then overall (โดยรวม), and under it the criterion the levels come from,
/// since the same mean reads as a different level under another band set.
/// </summary>
public sealed record SummaryTable(string Title, long Respondents, IReadOnlyList<SummaryRow> Rows, SummaryRow Overall, string BandSetName, string BandSetNote)
{
    private static readonly LocalizedText OverallLabel = new("โดยรวม", "Overall");

    /// <summary>Null when the results must not be shown (<see cref="FormSummary.IsSuppressed"/>).</summary>
    public static SummaryTable? Build(FormSummary summary, Language language, string? series = null)
    {
        if (summary.IsSuppressed)
        {
            return null;
        }

        var form = summary.Form;
        var ranks = summary.Rank(series).ToDictionary(r => r.Item.Id, r => r.Rank, StringComparer.Ordinal);
        var rows = new List<SummaryRow>();
        var number = 0;
        foreach (var section in form.Sections)
        {
            var items = section.Items.OfType<ScaledItem>().Where(i => i.Series == series && i.InStatistics).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            foreach (var item in items)
            {
                number++;
                rows.Add(Row(number.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Label, summary.Item(item.Id), summary.BandSet, language, ranks.GetValueOrDefault(item.Id) is var rank and > 0 ? rank : null));
            }

            rows.Add(Row(null, section.Title, summary.Section(section.Id, series), summary.BandSet, language, rank: null));
        }

        var title = series is null
            ? form.Title.Get(language)
            : $"{form.Title.Get(language)}: {form.Settings.Series.First(s => s.Id == series).Label.Get(language)}";
        return new SummaryTable(
            title,
            summary.Respondents,
            rows,
            Row(null, OverallLabel, summary.Overall(series), summary.BandSet, language, rank: null),
            summary.BandSet.Name.Get(language),
            summary.BandSet.Describe(language));
    }

    private static SummaryRow Row(string? number, LocalizedText label, LikertAggregate aggregate, LikertBandSet bands, Language language, int? rank)
    {
        var statistics = aggregate.Describe(bands);
        return new SummaryRow(number, label.Get(language), statistics.N, statistics.MeanText, statistics.StandardDeviationText, statistics.Level?.Get(language), rank);
    }
}
