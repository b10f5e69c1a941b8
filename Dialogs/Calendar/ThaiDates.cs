using System.Globalization;
using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Calendar;

/// <summary>
/// Dates as people in the area office read them: Buddhist Era years and Thai month names in Thai,
/// Bangkok time for moments. Calendars and names are spelled out here rather than taken from the
/// machine's culture, so a server with invariant globalization or another ICU prints the same.
/// </summary>
public static class ThaiDates
{
    /// <summary>Thai time (UTC+07:00, no daylight saving); .NET resolves the IANA id on Windows too.</summary>
    public static TimeZoneInfo Bangkok { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    private static readonly ThaiBuddhistCalendar BuddhistEra = new();

    private static readonly string[] ThaiMonths =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    private static readonly string[] ThaiShortMonths =
        ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

    // Digits stay Latin: Teams, phones' search and copy-paste into spreadsheets all expect them,
    // and the office's own chat messages use them; Thai digits are accepted on input only.

    /// <summary>"24 พฤศจิกายน 2569" / "24 November 2026".</summary>
    public static string FormatDate(DateOnly date, Language language) =>
        language == Language.Thai
            ? Invariant($"{date.Day} {ThaiMonths[date.Month - 1]} {ThaiYear(date)}")
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment in Bangkok time: "24 พ.ย. 2569 เวลา 10:15 น." / "24 Nov 2026, 10:15".</summary>
    public static string FormatDateTime(DateTimeOffset utc, Language language)
    {
        var local = TimeZoneInfo.ConvertTime(utc, Bangkok);
        var date = DateOnly.FromDateTime(local.DateTime);
        return language == Language.Thai
            ? Invariant($"{date.Day} {ThaiShortMonths[date.Month - 1]} {ThaiYear(date)} เวลา {local:HH:mm} น.")
            : local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A date as people type it: ISO <c>2026-11-24</c>, or <c>วว/ดด/ปปปป</c> with a Buddhist-Era year
    /// (<c>24/11/2569</c>, Thai digits too). A slash date with a year below 2400 is read as C.E., since
    /// no one means a date in the sixth century.
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var latin = LatinDigits(text.Trim());
        if (DateOnly.TryParseExact(latin, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        var parts = latin.Split('/');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || parts[2].Length != 4)
        {
            return false;
        }
        var gregorianYear = year >= BuddhistEraFloor ? year - BuddhistEraOffset : year;
        if (month is < 1 or > 12 || gregorianYear is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(gregorianYear, month))
        {
            return false;
        }
        date = new DateOnly(gregorianYear, month, day);
        return true;
    }

    /// <summary>Official documents often use Thai digits (๐–๙); we read and store Latin ones.</summary>
    public static string LatinDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u0E50' and <= '\u0E59' ? (char)('0' + (c - '\u0E50')) : c;
            }
        });

    /// <summary>พ.ศ. = ค.ศ. + 543.</summary>
    public const int BuddhistEraOffset = 543;

    private const int BuddhistEraFloor = 2400;

    private static int ThaiYear(DateOnly date) => BuddhistEra.GetYear(date.ToDateTime(TimeOnly.MinValue));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
