using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>Configuration <c>Campaigns</c>: when reminders go and what counts as working hours.</summary>
public sealed class CampaignPolicy
{
    private static readonly int[] DefaultReminders = [3, 7];

    /// <summary>
    /// Days after opening when non-respondents are reminded (<c>Campaigns:Reminders</c>, e.g. [3, 7]);
    /// left out, [3, 7]; an empty list sends none. Nullable because binding a list adds to a default one.
    /// </summary>
    public int[]? Reminders { get; set; }

    /// <summary>Bangkok office hours: proactive messages go between these, on working days only.</summary>
    public TimeSpan WorkdayStarts { get; set; } = new(8, 30, 0);

    public TimeSpan WorkdayEnds { get; set; } = new(16, 30, 0);

    public IReadOnlyList<int> ReminderDays => Reminders ?? DefaultReminders;
}

/// <summary>The office's working time: Bangkok hours on days that are neither weekend nor holiday.</summary>
public sealed class WorkingHours(SchoolCalendar calendar, CampaignPolicy policy)
{
    /// <summary>
    /// <paramref name="utc"/> itself when the office is working then, else the start of the next
    /// working day, so a reminder never arrives at night, at a weekend or on a holiday.
    /// </summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, ThaiDates.Bangkok);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = local.TimeOfDay;
        // A year holds far fewer than 400 days off in a row; the bound only stops a broken calendar looping.
        for (var day = 0; day < 400; day++, date = date.AddDays(1), time = TimeSpan.Zero)
        {
            if (!calendar.IsWorkingDay(date) || time >= policy.WorkdayEnds)
            {
                continue;
            }
            return time < policy.WorkdayStarts ? At(date, policy.WorkdayStarts) : utc;
        }
        throw new InvalidOperationException("The calendar has no working day in the next 400 days.");
    }

    public bool IsWorking(DateTimeOffset utc) => NextWorkingMoment(utc) == utc;

    private static DateTimeOffset At(DateOnly date, TimeSpan time) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.FromTimeSpan(time)), ThaiDates.Bangkok.BaseUtcOffset).ToUniversalTime();
}
