using System.Globalization;
using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// When a visit reminder goes out: a lead time before the visit's start, optionally at a fixed
/// Bangkok time of day. Written in configuration as <c>7.00:00:00@08:00</c> (seven days before, at
/// 08:00), <c>00:01:00</c> (a minute before the start) or <c>0@07:30</c> (the visit's day at 07:30).
/// </summary>
public sealed record ReminderOffset(TimeSpan Lead, TimeOnly? AtBangkokTime)
{
    public static IReadOnlyList<string> Defaults { get; } = ["7.00:00:00@08:00", "1.00:00:00@08:00", "0@07:30"];

    public static ReminderOffset Parse(string text)
    {
        var parts = text.Trim().Split('@');
        if (parts.Length > 2
            || !TimeSpan.TryParse(parts[0], CultureInfo.InvariantCulture, out var lead)
            || lead < TimeSpan.Zero)
        {
            throw new FormatException($"'{text}' is not a reminder offset: write a lead time as d.hh:mm:ss, optionally followed by @HH:mm in Bangkok time (e.g. 7.00:00:00@08:00).");
        }
        TimeOnly? at = null;
        if (parts.Length == 2)
        {
            if (!TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                throw new FormatException($"'{text}': the time after @ must be HH:mm in Bangkok time (e.g. 08:00).");
            }
            at = time;
        }
        return new ReminderOffset(lead, at);
    }

    /// <summary>
    /// The moment this reminder is due for a visit starting at <paramref name="visitStart"/>. A
    /// reminder a day or more ahead that would fall on a weekend or holiday moves to the working day
    /// before, so nobody is asked to prepare on a day off; a same-day nudge is left where it is.
    /// </summary>
    public DateTimeOffset DueFor(DateTimeOffset visitStart, SchoolCalendar calendar)
    {
        var localStart = TimeZoneInfo.ConvertTime(visitStart, ThaiDates.Bangkok);
        var local = AtBangkokTime is { } at
            ? DateOnly.FromDateTime((localStart - Lead).DateTime).ToDateTime(at)
            : (localStart - Lead).DateTime;
        if (Lead >= TimeSpan.FromDays(1))
        {
            var day = DateOnly.FromDateTime(local);
            var workingDay = calendar.OnOrBeforeWorkingDay(day);
            local = local.AddDays(workingDay.DayNumber - day.DayNumber);
        }
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ThaiDates.Bangkok.GetUtcOffset(local)).ToUniversalTime();
    }

    public override string ToString() =>
        Lead.ToString("c", CultureInfo.InvariantCulture) + (AtBangkokTime is { } at ? "@" + at.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty);
}
