namespace SupervisionBot.Dialogs.Calendar;

/// <summary>ภาคเรียน: one of the two semesters of an academic year, inclusive dates.</summary>
public sealed record Semester(int Number, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>ปีการศึกษา, named by its Buddhist-Era year (2569 starts in May 2026).</summary>
public sealed record AcademicYear(int BuddhistYear, Semester First, Semester Second)
{
    public IEnumerable<Semester> Semesters => [First, Second];
}

/// <summary>A day off: a public holiday, a substitute day, or a day the office closes the schools.</summary>
public sealed record Holiday(DateOnly Date, string NameThai, string NameEnglish);

/// <summary>Where a date falls in the school year; <see cref="Semester"/> is null in the breaks between terms.</summary>
public sealed record SchoolTerm(int AcademicYear, int? Semester);

/// <summary>
/// The Thai school calendar as data: academic years with their semesters, weekends and holidays.
/// Semester dates move (2020 started in July) and holidays are announced each year, so they are
/// loaded from files rather than computed.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly IReadOnlyList<AcademicYear> _years;
    private readonly Dictionary<DateOnly, Holiday> _holidays;

    public SchoolCalendar(IEnumerable<AcademicYear> years, IEnumerable<Holiday> holidays)
    {
        _years = [.. years.OrderBy(y => y.BuddhistYear)];
        _holidays = [];
        foreach (var holiday in holidays)
        {
            // Two names for one day (e.g. a king's birthday that is also เข้าพรรษา) are one day off.
            _holidays.TryAdd(holiday.Date, holiday);
        }
    }

    public IReadOnlyList<AcademicYear> Years => _years;

    public IEnumerable<Holiday> Holidays => _holidays.Values.OrderBy(h => h.Date);

    public Holiday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !_holidays.ContainsKey(date);

    /// <summary>The date itself when it is a working day, else the last working day before it.</summary>
    public DateOnly OnOrBeforeWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }
        return date;
    }

    /// <summary>
    /// The academic year and semester of a date. Dates before the first known year or after the last
    /// fall back to the regulation's 16 May start, so the year is still right for older records.
    /// </summary>
    public SchoolTerm TermOf(DateOnly date)
    {
        foreach (var year in _years)
        {
            foreach (var semester in year.Semesters)
            {
                if (semester.Contains(date))
                {
                    return new SchoolTerm(year.BuddhistYear, semester.Number);
                }
            }
        }
        var known = _years.LastOrDefault(y => y.First.Start <= date);
        var academicYear = known is not null && date <= known.Second.End.AddMonths(2)
            ? known.BuddhistYear
            : AcademicYearRegulation.BuddhistYearOf(date);
        return new SchoolTerm(academicYear, null);
    }

    /// <summary>ปีงบประมาณ: 1 October to 30 September, named by the B.E. year it ends in.</summary>
    public static int FiscalYearOf(DateOnly date) => (date.Month >= 10 ? date.Year + 1 : date.Year) + ThaiDates.BuddhistEraOffset;
}
