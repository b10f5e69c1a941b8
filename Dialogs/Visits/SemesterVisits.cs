using System.Globalization;
using System.Text;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>A semester named as the office writes it, B.E. year then number: <c>2569-2</c>.</summary>
public sealed record SemesterChoice(int BuddhistYear, Semester Semester)
{
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{BuddhistYear}-{Semester.Number}");

    public DateTimeOffset FromUtc => StartOf(Semester.Start);

    /// <summary>The day after the semester's last day: ranges are half-open.</summary>
    public DateTimeOffset ToUtc => StartOf(Semester.End.AddDays(1));

    public LocalizedText Title => new(
        string.Create(CultureInfo.InvariantCulture, $"ภาคเรียนที่ {Semester.Number}/{BuddhistYear} ({ThaiDates.FormatDate(Semester.Start, Language.Thai)} – {ThaiDates.FormatDate(Semester.End, Language.Thai)})"),
        string.Create(CultureInfo.InvariantCulture, $"Semester {Semester.Number}/{BuddhistYear} ({ThaiDates.FormatDate(Semester.Start, Language.English)} – {ThaiDates.FormatDate(Semester.End, Language.English)})"));

    private static DateTimeOffset StartOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ThaiDates.Bangkok.BaseUtcOffset).ToUniversalTime();
}

/// <summary>
/// A supervisor's visits for a school group over a semester: listed in chat and exported as CSV
/// for the semester report. Semester dates come from the school calendar.
/// </summary>
public sealed class SemesterVisits(IVisitStore store, IOfficeDirectorySource directory, SchoolCalendar calendar, FormCatalogue catalogue, TimeProvider time)
{
    public static IReadOnlyList<string> ExportHeader { get; } =
        ["visit_id", "school_code", "school_name", "group_no", "date", "date_th", "start", "end", "supervisor_email", "checklist", "purpose", "mode", "teachers", "status", "status_th"];

    /// <summary>A named semester (<c>2569-2</c>), or the current one (the next, in a break) when <paramref name="name"/> is empty; null when the calendar has no such semester.</summary>
    public SemesterChoice? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ThaiDates.Bangkok).DateTime);
            var all = calendar.Years.SelectMany(y => y.Semesters.Select(s => new SemesterChoice(y.BuddhistYear, s))).ToList();
            return all.FirstOrDefault(s => s.Semester.End >= today) ?? all.LastOrDefault();
        }
        var parts = ThaiDates.LatinDigits(name.Trim()).Split('-', '/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        return calendar.Years.FirstOrDefault(y => y.BuddhistYear == year)?.Semesters.FirstOrDefault(s => s.Number == number) is { } semester
            ? new SemesterChoice(year, semester)
            : null;
    }

    public IEnumerable<string> KnownSemesters => calendar.Years.SelectMany(y => y.Semesters.Select(s => new SemesterChoice(y.BuddhistYear, s).Name));

    public async Task<IReadOnlyList<Visit>> ListAsync(string supervisorEmail, int? group, SemesterChoice semester, CancellationToken cancellationToken)
    {
        var visits = await store.BySupervisorAsync(supervisorEmail, semester.FromUtc, semester.ToUtc, cancellationToken);
        if (group is null)
        {
            return visits;
        }
        var current = await directory.CurrentAsync(cancellationToken);
        return visits.Where(v => current.School(v.SchoolCode)?.GroupNumber == group).ToList();
    }

    /// <summary>UTF-8 with a BOM, so Excel shows Thai; ISO dates for machines beside Thai ones for people.</summary>
    public async Task<byte[]> CsvAsync(IReadOnlyList<Visit> visits, CancellationToken cancellationToken)
    {
        var current = await directory.CurrentAsync(cancellationToken);
        var records = visits.Select(v =>
        {
            var school = current.School(v.SchoolCode);
            var start = TimeZoneInfo.ConvertTime(v.StartUtc, ThaiDates.Bangkok);
            var end = TimeZoneInfo.ConvertTime(v.EndUtc, ThaiDates.Bangkok);
            return (IReadOnlyList<string>)
            [
                v.Id, v.SchoolCode, school?.NameTh ?? "", school?.GroupNumber.ToString(CultureInfo.InvariantCulture) ?? "",
                v.BangkokDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ThaiDates.FormatDate(v.BangkokDate, Language.Thai),
                start.ToString("HH:mm", CultureInfo.InvariantCulture), end.ToString("HH:mm", CultureInfo.InvariantCulture),
                v.SupervisorEmail, v.ChecklistFormId, v.Purpose, v.Mode.ToString().ToLowerInvariant(), string.Join(';', v.TeacherEmails),
                v.Status.ToString(), VisitTexts.Status(v.Status).Th,
            ];
        });
        var text = CsvRows.Write(records.Prepend(ExportHeader));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>The checklist's title, for lists people read.</summary>
    public string ChecklistTitle(string formId, Language language) => catalogue.Find(formId)?.Title.Get(language) ?? formId;
}
