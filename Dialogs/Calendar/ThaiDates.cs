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

    private static int ThaiYear(DateOnly date) => BuddhistEra.GetYear(date.ToDateTime(TimeOnly.MinValue));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
