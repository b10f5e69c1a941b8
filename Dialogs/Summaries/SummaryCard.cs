using System.Globalization;
using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Statistics;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// The summary card: who answered (a gauge of the response rate), section means as a bar chart,
/// the Thai results tables, top needs, checklists, free text and the breakdown. Charts are Teams
/// host elements, each with a fallback that shows the same numbers as text. A card for an open
/// campaign asks Teams to refresh it whenever it is shown (Universal Actions), so it never goes stale.
/// </summary>
public static class SummaryCard
{
    public const string RefreshVerb = CardVerbs.SummaryRefresh;

    /// <param name="refresh">Where the card's numbers come from, for the refresh action; null for a card that is final.</param>
    public static AdaptiveCard Build(FormResults results, Language language, SummaryRequest? refresh)
    {
        var card = Compose(results, language, refresh, itemRows: true);
        // A long form's item rows are what makes a card too big; sections and overall always fit.
        return CardJson.SerializeToUtf8Bytes(card).Length <= CardLimits.MaxJsonBytes
            ? Checked(card)
            : Checked(Compose(results, language, refresh, itemRows: false));
    }

    /// <summary>The refresh action's data: enough to read the same summary again.</summary>
    public static JsonObject RefreshData(SummaryRequest request) => new()
    {
        ["formId"] = request.FormId,
        ["level"] = request.Scope.Level.ToString(),
        ["key"] = request.Scope.Key,
        ["campaignId"] = request.Scope.Campaign,
    };

    private static AdaptiveCard Checked(AdaptiveCard card)
    {
        CardLimits.Check(card);
        return card;
    }

    private static AdaptiveCard Compose(FormResults results, Language language, SummaryRequest? refresh, bool itemRows)
    {
        var th = language == Language.Thai;
        var body = new List<CardElement>
        {
            new Container
            {
                Style = ContainerStyle.Emphasis,
                Bleed = true,
                Items =
                [
                    new TextBlock { Text = (th ? "สรุปผล: " : "Summary: ") + results.Title, Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                    new TextBlock { Text = results.ScopeTitle, Wrap = true, IsSubtle = true, Spacing = Spacing.Small },
                ],
            },
            Respondents(results, th),
        };
        if (results.Suppressed)
        {
            body.Add(Paragraph(th
                ? $"ยังแสดงผลไม่ได้: แบบฟอร์มนี้ไม่ระบุตัวตน และมีผู้ตอบน้อยกว่า {Anonymity.MinimumRespondents} คน ผลจะแสดงเมื่อมีผู้ตอบครบ {Anonymity.MinimumRespondents} คน"
                : $"Not shown yet: this form is anonymous and fewer than {Anonymity.MinimumRespondents} people have answered. Results appear at {Anonymity.MinimumRespondents}."));
        }
        if (results.SectionMeans.Count > 0)
        {
            body.Add(SectionChart(results, th));
        }
        foreach (var table in results.Tables)
        {
            body.Add(Subheading(table.Title));
            body.Add(ResultsTable(table, th, itemRows));
        }
        if (!itemRows)
        {
            body.Add(Hint(th ? "รายข้อไม่แสดงในการ์ดนี้เพราะยาวเกินไป ดูได้จากไฟล์ส่งออก" : "Item rows are left out of this card for length; the export has them."));
        }
        if (results.TopNeeds.Count > 0)
        {
            body.Add(Subheading(th ? "ความต้องการจำเป็นลำดับแรก" : "Top-ranked needs"));
            body.Add(new FactSet { Facts = [.. results.TopNeeds.Select(n => new Fact($"{n.Rank}. {n.Label}", n.Level is null ? n.Value : $"{n.Value} ({n.Level})"))] });
        }
        if (results.Checklists.Count > 0)
        {
            body.Add(Subheading(th ? "ร้อยละที่ดำเนินการแล้ว" : "Percentage done"));
            body.Add(new FactSet { Facts = [.. results.Checklists.Select(c => new Fact(c.Label, $"{c.PercentDone}% (n = {c.Applied})"))] });
        }
        foreach (var text in results.Texts)
        {
            body.Add(Subheading(text.Label));
            body.AddRange(text.Answers.Select(answer => (CardElement)new TextBlock { Text = "• " + answer, Wrap = true, Spacing = Spacing.Small }));
        }
        if (results.Breakdown.Count > 0)
        {
            body.Add(Subheading(th ? "แยกตามหน่วย" : "Breakdown"));
            body.Add(BreakdownTable(results, th));
        }
        if (results.BandSetNote is { } note)
        {
            body.Add(Hint(note));
        }
        return new AdaptiveCard
        {
            Body = body,
            Refresh = refresh is null ? null : new CardRefresh { Action = new ExecuteAction { Verb = RefreshVerb, Title = th ? "รีเฟรช" : "Refresh", Data = RefreshData(refresh) } },
            FallbackText = (th ? "สรุปผล: " : "Summary: ") + results.Title,
            Msteams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        };
    }

    private static CardElement Respondents(FormResults results, bool th)
    {
        var count = results.Invited is { } invited
            ? (th ? $"ผู้ตอบ {results.Respondents:N0} จาก {invited:N0} คน (ร้อยละ {results.ResponseRateText})" : $"{results.Respondents:N0} of {invited:N0} answered ({results.ResponseRateText}%)")
            : (th ? $"ผู้ตอบ {results.Respondents:N0} คน" : $"{results.Respondents:N0} answered");
        var text = new TextBlock { Text = count, Wrap = true, Weight = TextWeight.Bolder };
        if (results.ResponseRatePercent is not { } rate)
        {
            return text;
        }
        return new GaugeChart
        {
            Title = th ? "อัตราการตอบกลับ" : "Response rate",
            Value = ReportNumbers.Shown(Math.Min(rate, 100m)),
            Min = 0,
            Max = 100,
            ValueFormat = "Percentage",
            SubLabel = count,
            ShowMinMax = true,
            Fallback = text,
        };
    }

    private static HorizontalBarChart SectionChart(FormResults results, bool th) => new()
    {
        Title = th ? "ค่าเฉลี่ยรายด้าน" : "Mean by section",
        Data = [.. results.SectionMeans.Select(s => new BarValue(s.Label, s.Mean))],
        XAxisTitle = th ? "ด้าน" : "Section",
        YAxisTitle = th ? "ค่าเฉลี่ย (1–5)" : "Mean (1–5)",
        Color = "categoricalBlue",
        DisplayMode = "AbsoluteWithAxis",
        Spacing = Spacing.Large,
        Fallback = new FactSet { Facts = [.. results.SectionMeans.Select(s => new Fact(s.Label, s.Level is null ? s.MeanText : $"{s.MeanText} ({s.Level})"))] },
    };

    private static Table ResultsTable(SummaryTable table, bool th, bool itemRows)
    {
        var rows = new List<TableRow>
        {
            Row(true, th ? "ข้อ" : "No.", th ? "รายการ" : "Item", "x̄", "S.D.", th ? "ระดับ" : "Level"),
        };
        rows.AddRange(table.Rows
            .Where(r => itemRows || r.Number is null)
            .Select(r => Row(r.Number is null, r.Number ?? string.Empty, r.Label, r.Mean, r.StandardDeviation, r.Level ?? ReportNumbers.Missing)));
        var overall = table.Overall;
        rows.Add(Row(true, string.Empty, $"{overall.Label} (n = {table.Respondents.ToString("N0", CultureInfo.InvariantCulture)})", overall.Mean, overall.StandardDeviation, overall.Level ?? ReportNumbers.Missing));
        return new Table
        {
            // Table columns take weights or pixels, not "stretch".
            Columns = [new(ColumnWidth.Relative(1)), new(ColumnWidth.Relative(6)), new(ColumnWidth.Relative(2)), new(ColumnWidth.Relative(2)), new(ColumnWidth.Relative(3))],
            Rows = rows,
            ShowGridLines = false,
        };
    }

    private static Table BreakdownTable(FormResults results, bool th)
    {
        var hidden = th ? $"ไม่แสดง (ผู้ตอบน้อย)" : "Not shown (few respondents)";
        var rows = new List<TableRow> { Row(true, th ? "หน่วย" : "Unit", "n", "x̄", th ? "ระดับ" : "Level") };
        rows.AddRange(results.Breakdown.Select(line => line.Suppressed
            ? Row(false, line.Label, "–", "–", hidden)
            : Row(false, line.Label, line.Respondents!.Value.ToString("N0", CultureInfo.InvariantCulture), line.Mean!, line.Level ?? ReportNumbers.Missing)));
        return new Table
        {
            Columns = [new(ColumnWidth.Relative(5)), new(ColumnWidth.Relative(2)), new(ColumnWidth.Relative(2)), new(ColumnWidth.Relative(3))],
            Rows = rows,
            ShowGridLines = false,
        };
    }

    private static TableRow Row(bool bold, params string[] cells) => new()
    {
        Cells = [.. cells.Select(text => new TableCell { Items = [new TextBlock { Text = text, Wrap = true, Size = TextSize.Small, Weight = bold ? TextWeight.Bolder : null }] })],
    };

    private static TextBlock Subheading(string text) => new() { Text = text, Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large };

    private static TextBlock Paragraph(string text) => new() { Text = text, Wrap = true };

    private static TextBlock Hint(string text) => new() { Text = text, Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };
}

/// <summary>What to summarise: a form and a scope (area, group or school, optionally one campaign).</summary>
public sealed record SummaryRequest(string FormId, SummaryScope Scope);
