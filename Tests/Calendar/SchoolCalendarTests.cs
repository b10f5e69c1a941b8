using System.Globalization;
using System.Text;
using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Tests.Calendar;

public class SchoolCalendarTests
{
    private static readonly SchoolCalendar Calendar = SchoolCalendarLoader.Load([]);

    [Theory]
    [InlineData("2026-05-16", 2569, 1)]
    [InlineData("2026-10-11", 2569, 1)]
    [InlineData("2026-10-20", 2569, null)]
    [InlineData("2026-11-30", 2569, 2)]
    [InlineData("2027-04-01", 2569, 2)]
    [InlineData("2027-04-20", 2569, null)]
    [InlineData("2026-05-10", 2568, null)]
    public void A_date_falls_in_its_academic_year_and_semester(string date, int year, int? semester)
    {
        Assert.Equal(new SchoolTerm(year, semester), Calendar.TermOf(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-09-30", 2569)]
    [InlineData("2026-10-01", 2570)]
    [InlineData("2027-01-15", 2570)]
    public void The_fiscal_year_runs_October_to_September_named_by_its_end(string date, int fiscalYear)
    {
        Assert.Equal(fiscalYear, SchoolCalendar.FiscalYearOf(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-12-07", false)] // ชดเชยวันพ่อ
    [InlineData("2026-12-05", false)] // Saturday
    [InlineData("2026-12-08", true)]
    [InlineData("2027-04-14", false)] // สงกรานต์
    public void Weekends_and_holidays_are_not_working_days(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_working_day_before_a_long_weekend_is_found()
    {
        // Sat 5 Dec, Sun 6 Dec and the substitute Mon 7 Dec are off: Friday 4 Dec is the day before.
        Assert.Equal(new DateOnly(2026, 12, 4), Calendar.OnOrBeforeWorkingDay(new DateOnly(2026, 12, 7)));
        Assert.Equal(new DateOnly(2026, 12, 8), Calendar.OnOrBeforeWorkingDay(new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void An_office_file_for_a_year_replaces_the_built_in_one_and_adds_its_holidays()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                { "academicYear": 2569, "source": "test",
                  "semesters": [ { "number": 1, "start": "2026-07-01", "end": "2026-10-31" }, { "number": 2, "start": "2026-11-16", "end": "2027-04-01" } ],
                  "holidays": [ { "date": "2026-12-08", "th": "วันหยุดโรงเรียน", "en": "School holiday" } ] }
                """, Encoding.UTF8);

            var calendar = SchoolCalendarLoader.Load([file]);

            Assert.Equal(new SchoolTerm(2569, null), calendar.TermOf(new DateOnly(2026, 6, 1)));
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 8)));
            Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 7)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""{ "academicYear": 2026, "semesters": [], "holidays": [] }""", "$.academicYear: 2026 is not a Buddhist-Era year")]
    [InlineData("""{ "academicYear": 2569, "semesters": [ { "number": 1, "start": "2026-05-16", "end": "2026-10-11" } ], "holidays": [] }""", "$.semesters: an academic year has semesters 1 and 2")]
    [InlineData("""{ "academicYear": 2569, "semesters": [ { "number": 1, "start": "16/05/2569", "end": "2026-10-11" }, { "number": 2, "start": "2026-11-01", "end": "2027-04-01" } ], "holidays": [] }""", "$.semesters[0].start: expected a date as yyyy-MM-dd (C.E.)")]
    [InlineData("""{ "academicYear": 2569, "semesters": [ { "number": 1, "start": "2026-05-16", "end": "2026-10-11" }, { "number": 2, "start": "2026-11-01", "end": "2027-04-01" } ], "holidays": [ { "date": "2026-12-10" } ] }""", "$.holidays[0].th: missing")]
    [InlineData("{ not json", "not valid JSON")]
    public void A_calendar_file_with_a_mistake_names_the_place(string json, string problem)
    {
        var error = Assert.Throws<SchoolCalendarException>(() => SchoolCalendarLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "2569.json"));

        Assert.StartsWith("2569.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24/11/2569", 2026, 11, 24)]
    [InlineData("๒๔/๑๑/๒๕๖๙", 2026, 11, 24)]
    [InlineData("1/5/2570", 2027, 5, 1)]
    [InlineData("2026-11-24", 2026, 11, 24)]
    [InlineData(" 24/11/2026 ", 2026, 11, 24)]
    [InlineData("29/02/2567", 2024, 2, 29)]
    public void Dates_are_typed_in_Buddhist_Era_or_ISO(string typed, int year, int month, int day)
    {
        Assert.True(ThaiDates.TryParseDate(typed, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("29/02/2569")]
    [InlineData("31/04/2569")]
    [InlineData("24/11/69")]
    [InlineData("24-11-2569")]
    [InlineData("พรุ่งนี้")]
    [InlineData("")]
    [InlineData("24/11/2569/1")]
    public void Impossible_dates_are_not_read(string typed)
    {
        Assert.False(ThaiDates.TryParseDate(typed, out _));
    }
}
