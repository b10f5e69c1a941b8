using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace SupervisionBot.Dialogs.Calendar;

/// <summary>A calendar file the office wrote with a mistake; the message names the file and the place.</summary>
public sealed class SchoolCalendarException(string message) : Exception(message);

/// <summary>
/// Reads academic-year files (one per B.E. year: its two semesters and the holidays that fall in
/// it). The office adds next year's file when the holidays are announced; a file for a year the
/// bot already ships replaces the built-in one.
/// </summary>
public static class SchoolCalendarLoader
{
    private const string ResourcePrefix = "SupervisionBot.Dialogs.Calendar.Data.";

    public static SchoolCalendar Load(IEnumerable<string> extraFiles)
    {
        var years = new Dictionary<int, (AcademicYear Year, IReadOnlyList<Holiday> Holidays)>();
        var assembly = typeof(SchoolCalendarLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var parsed = Parse(stream, name);
            years[parsed.Year.BuddhistYear] = parsed;
        }
        foreach (var file in extraFiles)
        {
            using var stream = OpenFile(file);
            var parsed = Parse(stream, file);
            years[parsed.Year.BuddhistYear] = parsed;
        }
        return new SchoolCalendar(years.Values.Select(y => y.Year), years.Values.SelectMany(y => y.Holidays));
    }

    private static FileStream OpenFile(string file)
    {
        try
        {
            return File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SchoolCalendarException($"{file}: cannot be read ({ex.Message})");
        }
    }

    public static (AcademicYear Year, IReadOnlyList<Holiday> Holidays) Parse(Stream json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SchoolCalendarException($"{source}: not valid JSON ({ex.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            var buddhistYear = Number(root, "academicYear", source, "$");
            if (buddhistYear is < 2500 or > 2700)
            {
                throw new SchoolCalendarException($"{source}: $.academicYear: {buddhistYear} is not a Buddhist-Era year (e.g. 2569)");
            }
            var semesters = Array(root, "semesters", source, "$").Select((s, i) =>
            {
                var path = $"$.semesters[{i}]";
                return new Semester(Number(s, "number", source, path), Date(s, "start", source, path), Date(s, "end", source, path));
            }).OrderBy(s => s.Number).ToArray();
            if (semesters.Length != 2 || semesters[0].Number != 1 || semesters[1].Number != 2)
            {
                throw new SchoolCalendarException($"{source}: $.semesters: an academic year has semesters 1 and 2");
            }
            foreach (var semester in semesters)
            {
                if (semester.End < semester.Start)
                {
                    throw new SchoolCalendarException($"{source}: $.semesters: semester {semester.Number} ends before it starts");
                }
            }
            if (semesters[1].Start <= semesters[0].End)
            {
                throw new SchoolCalendarException($"{source}: $.semesters: semester 2 starts before semester 1 ends");
            }
            if (semesters[0].Start.Year + ThaiDates.BuddhistEraOffset != buddhistYear)
            {
                throw new SchoolCalendarException($"{source}: $.semesters[0].start: academic year {buddhistYear} starts in {buddhistYear - ThaiDates.BuddhistEraOffset}");
            }
            var holidays = Array(root, "holidays", source, "$").Select((h, i) =>
            {
                var path = $"$.holidays[{i}]";
                return new Holiday(Date(h, "date", source, path), Text(h, "th", source, path), Text(h, "en", source, path));
            }).ToArray();
            return (new AcademicYear(buddhistYear, semesters[0], semesters[1]), holidays);
        }
    }

    private static JsonElement Property(JsonElement element, string name, string source, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new SchoolCalendarException($"{source}: {path}.{name}: missing");

    private static int Number(JsonElement element, string name, string source, string path) =>
        Property(element, name, source, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number)
            ? number
            : throw new SchoolCalendarException($"{source}: {path}.{name}: expected a whole number");

    private static string Text(JsonElement element, string name, string source, string path) =>
        Property(element, name, source, path) is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new SchoolCalendarException($"{source}: {path}.{name}: expected a name");

    private static DateOnly Date(JsonElement element, string name, string source, string path) =>
        Property(element, name, source, path) is { ValueKind: JsonValueKind.String } value
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SchoolCalendarException($"{source}: {path}.{name}: expected a date as yyyy-MM-dd (C.E.)");

    private static IEnumerable<JsonElement> Array(JsonElement element, string name, string source, string path) =>
        Property(element, name, source, path) is { ValueKind: JsonValueKind.Array } value
            ? [.. value.EnumerateArray()]
            : throw new SchoolCalendarException($"{source}: {path}.{name}: expected a list");
}
