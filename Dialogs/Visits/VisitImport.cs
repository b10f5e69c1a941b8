using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>What an import did: the problems when refused (nothing stored), else how many visits it added.</summary>
public sealed record VisitImportReport(IReadOnlyList<ImportProblem> Problems, int Added, int AlreadyThere)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>
/// A term's visits planned in a spreadsheet, imported all or nothing: every row is checked (its
/// cells, then the same rules as a visit scheduled in chat) and one bad row stores nothing.
/// </summary>
public sealed partial class VisitImport(VisitPlanner planner)
{
    public static IReadOnlyList<string> Header { get; } = ["school_code", "date", "start", "end", "supervisor_email", "checklist", "purpose", "mode", "teachers"];

    public const int RowLimit = 5_000;

    public async Task<VisitImportReport> ImportAsync(string fileName, ReadOnlyMemory<byte> content, VisitActor actor, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var requests = Read(fileName, content.Span, problems);
        var visits = requests.Select(r => r.Request).ToList();
        IReadOnlyList<ImportProblem> Rows(IEnumerable<(int Index, LocalizedText Reason)> found) =>
            [.. problems.Concat(found.Select(p => new ImportProblem(fileName, requests[p.Index].Row, p.Reason))).OrderBy(p => p.Row)];
        if (problems.Count > 0)
        {
            // The rows that read well are still checked as visits, so one report lists every bad row.
            return new VisitImportReport(Rows(await planner.CheckAllAsync(visits, actor, cancellationToken)), 0, 0);
        }
        var result = await planner.ScheduleAllAsync(visits, actor, cancellationToken);
        return new VisitImportReport(Rows(result.Problems), result.Added.Count, result.AlreadyThere);
    }

    private static List<(int Row, VisitRequest Request)> Read(string fileName, ReadOnlySpan<byte> content, List<ImportProblem> problems)
    {
        var text = CsvRows.Decode(content, out var badLines);
        problems.AddRange(badLines.Select(line => new ImportProblem(fileName, line, ImportReasons.NotUtf8)));
        var rows = CsvRows.Parse(text);
        var requests = new List<(int Row, VisitRequest Request)>();
        if (rows.Count == 0 || !rows[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF')).SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new ImportProblem(fileName, 1, VisitImportTexts.WrongHeader));
            return requests;
        }
        if (rows.Count == 1)
        {
            problems.Add(new ImportProblem(fileName, 1, VisitImportTexts.NoRows));
        }
        if (rows.Count - 1 > RowLimit)
        {
            problems.Add(new ImportProblem(fileName, rows[RowLimit + 1].Row, ImportReasons.TooManyRows(RowLimit)));
            return requests;
        }
        var firstRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            var rowProblems = new List<LocalizedText>();
            string Cell(int index) => index < row.Fields.Count ? row.Fields[index].Trim().Normalize(NormalizationForm.FormC) : "";
            string Required(int index)
            {
                var value = Cell(index);
                if (value.Length == 0)
                {
                    rowProblems.Add(ImportReasons.Required(Header[index]));
                }
                return value;
            }

            if (row.Fields.Count > Header.Count)
            {
                rowProblems.Add(VisitImportTexts.TooManyCells(row.Fields.Count, Header.Count));
            }
            var school = Required(0);
            var dateText = Required(1);
            DateOnly date = default;
            if (dateText.Length > 0 && !ThaiDates.TryParseDate(dateText, out date))
            {
                rowProblems.Add(VisitImportTexts.BadDate(dateText));
            }
            var start = Time(Required(2), "start", rowProblems);
            var end = Time(Required(3), "end", rowProblems);
            var supervisor = Required(4);
            if (supervisor.Length > 0 && !EmailPattern().IsMatch(supervisor))
            {
                rowProblems.Add(ImportReasons.BadEmail("supervisor_email", supervisor));
            }
            var checklist = Required(5);
            var purpose = Required(6);
            var modeText = Required(7);
            VisitMode mode = default;
            if (modeText.Length > 0 && !TryMode(modeText, out mode))
            {
                rowProblems.Add(VisitImportTexts.BadMode(modeText));
            }
            var teachers = Cell(8).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var teacher in teachers.Where(t => !EmailPattern().IsMatch(t)))
            {
                rowProblems.Add(ImportReasons.BadEmail("teachers", teacher));
            }
            if (rowProblems.Count == 0)
            {
                var request = new VisitRequest(school, date, start!.Value, end!.Value, supervisor, checklist, purpose, mode, teachers);
                if (!firstRows.TryAdd(request.BaseId, row.Row))
                {
                    rowProblems.Add(VisitImportTexts.SameVisitAs(firstRows[request.BaseId]));
                }
                requests.Add((row.Row, request));
            }
            problems.AddRange(rowProblems.Select(p => new ImportProblem(fileName, row.Row, p)));
        }
        return requests;
    }

    private static TimeOnly? Time(string text, string column, List<LocalizedText> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (TimeOnly.TryParseExact(ThaiDates.LatinDigits(text).Replace('.', ':'), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        problems.Add(VisitImportTexts.BadTime(column, text));
        return null;
    }

    public static bool TryMode(string text, out VisitMode mode)
    {
        mode = default;
        return text.Trim().ToLowerInvariant() is "onsite" or "online" or "blended"
            && Enum.TryParse(text.Trim(), ignoreCase: true, out mode);
    }

    [GeneratedRegex(@"^[^@\s;,""<>]+@[^@\s;,""<>]+\.[^@\s;,""<>]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>The import's own reasons; those it shares with the directory import are <see cref="ImportReasons"/>.</summary>
public static class VisitImportTexts
{
    public static LocalizedText WrongHeader { get; } = new(
        $"หัวตารางต้องเป็น {string.Join(",", VisitImport.Header)} ตามลำดับนี้",
        $"The header must be exactly {string.Join(",", VisitImport.Header)}");

    public static LocalizedText NoRows { get; } = new(
        "ไม่มีรายการนิเทศในไฟล์ (มีแต่หัวตาราง)",
        "The file holds no visits, only the header");

    public static LocalizedText TooManyCells(int count, int expected) => new(
        $"แถวนี้มี {count} ช่อง แต่หัวตารางมี {expected} ช่อง (ข้อความที่มีจุลภาคต้องอยู่ในเครื่องหมายคำพูด)",
        $"The row has {count} cells but the header {expected} (text holding a comma must be in quotes)");

    public static LocalizedText BadDate(string value) => new(
        $"date “{value}” ไม่ใช่วันที่ เขียนเป็น 2026-11-24 หรือ 24/11/2569 (วว/ดด/ปปปป พ.ศ.)",
        $"date “{value}” is not a date; write 2026-11-24 or 24/11/2569 (dd/mm/yyyy in the Buddhist Era)");

    public static LocalizedText BadTime(string column, string value) => new(
        $"{column} “{value}” ไม่ใช่เวลา เขียนเป็น HH:mm เช่น 09:00 (เวลาประเทศไทย)",
        $"{column} “{value}” is not a time; write HH:mm, e.g. 09:00 (Bangkok time)");

    public static LocalizedText BadMode(string value) => new(
        $"mode “{value}” ใช้ได้เฉพาะ onsite (ลงพื้นที่) online (ออนไลน์) หรือ blended (ผสมผสาน)",
        $"mode “{value}” must be onsite, online or blended");

    public static LocalizedText SameVisitAs(int row) => new(
        $"เป็นการนิเทศเดียวกับแถว {row} (โรงเรียน วันเวลาเริ่ม และศึกษานิเทศก์ตรงกัน)",
        $"The same visit as row {row} (same school, start and supervisor)");
}
