namespace SupervisionBot.Dialogs.Calendar;

/// <summary>
/// The Thai academic year (ปีการศึกษา): 16 May to 15 May in Bangkok, under the Ministry's 2006
/// regulation. Semester dates move in crises; the year's start has not, so it is fixed here.
/// </summary>
public static class AcademicYearRegulation
{
    private const int StartMonth = 5;
    private const int StartDay = 16;

    /// <summary>The moment the academic year holding <paramref name="instant"/> began (midnight in Bangkok).</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, ThaiDates.Bangkok);
        var year = local.Month > StartMonth || (local.Month == StartMonth && local.Day >= StartDay) ? local.Year : local.Year - 1;
        var midnight = new DateTime(year, StartMonth, StartDay, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, ThaiDates.Bangkok.GetUtcOffset(midnight));
    }

    /// <summary>The B.E. year naming the academic year a date falls in (16 May 2026 starts 2569).</summary>
    public static int BuddhistYearOf(DateOnly date) =>
        (date.Month > StartMonth || (date.Month == StartMonth && date.Day >= StartDay) ? date.Year : date.Year - 1) + ThaiDates.BuddhistEraOffset;

    /// <summary>
    /// Data given before this moment has been kept for the academic year it was given in and
    /// <paramref name="years"/> academic years after it, and is due for deletion at <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset RetainedSince(DateTimeOffset now, int years) => StartOf(now).AddYears(-years);
}
