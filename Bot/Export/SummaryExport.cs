using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Statistics;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// A summary as a table file: one row per figure its card shows, each marked by its kind, so it can
/// be filtered in Excel: <c>respondents</c> (and <c>invited</c> with the response rate), each table's
/// <c>item</c>, <c>section</c> and <c>overall</c> rows (n, mean, S.D., band, rank), the ranked
/// <c>need</c>s, <c>checklist</c> % done, the <c>breakdown</c> by group or school and, for those
/// allowed, the latest <c>text</c> answers. Labels are in the asker's language.
/// </summary>
public static class SummaryExport
{
    public static readonly string[] Header = ["kind", "table", "number", "label", "n", "mean", "sd", "band", "rank"];

    public static Task<int> WriteAsync(FormResults results, ExportFormat format, Language language, Stream output, CancellationToken cancellationToken) =>
        TableFile.WriteAsync(Rows(results, language).ToAsyncEnumerable(), format, "summary", output, cancellationToken);

    public static IEnumerable<IReadOnlyList<string>> Rows(FormResults results, Language language)
    {
        yield return Header;
        yield return ["respondents", "", "", results.ScopeTitle, Number(results.Respondents), "", "", "", ""];
        if (results.Invited is { } invited)
        {
            yield return ["invited", "", "", language.Pick("อัตราการตอบกลับ (ร้อยละ)", "Response rate (%)"), Number(invited), ReportNumbers.Format(results.ResponseRatePercent), "", "", ""];
        }
        if (results.Suppressed)
        {
            yield return ["withheld", "", "", language.Pick($"ผู้ตอบน้อยกว่า {Anonymity.MinimumRespondents} คน จึงไม่แสดงผล", $"Fewer than {Anonymity.MinimumRespondents} respondents: results withheld"), "", "", "", "", ""];
        }
        foreach (var table in results.Tables)
        {
            foreach (var row in table.Rows)
            {
                yield return Figure(row.Number is null ? "section" : "item", table.Title, row);
            }
            yield return Figure("overall", table.Title, table.Overall);
        }
        foreach (var need in results.TopNeeds)
        {
            yield return ["need", "", "", need.Label, "", need.Value, "", need.Level ?? "", Number(need.Rank)];
        }
        foreach (var item in results.Checklists)
        {
            yield return ["checklist", "", "", item.Label, Number(item.Applied), item.PercentDone, "", "", ""];
        }
        foreach (var line in results.Breakdown)
        {
            yield return line.Suppressed
                ? ["breakdown", "", "", line.Label, "", "", "", language.Pick("ไม่แสดง", "withheld"), ""]
                : ["breakdown", "", "", line.Label, line.Respondents is { } n ? Number(n) : "", line.Mean ?? "", "", line.Level ?? "", ""];
        }
        foreach (var texts in results.Texts)
        {
            foreach (var answer in texts.Answers)
            {
                yield return ["text", texts.Label, "", answer, "", "", "", "", ""];
            }
        }
    }

    private static string[] Figure(string kind, string table, SummaryRow row) =>
        [kind, table, row.Number ?? "", row.Label, Number(row.N), row.Mean, row.StandardDeviation, row.Level ?? "", row.Rank is { } rank ? Number(rank) : ""];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
