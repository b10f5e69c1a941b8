using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Tests.Calendar;

public class ReminderOffsetTests
{
    private static readonly SchoolCalendar Calendar = SchoolCalendarLoader.Load([]);

    private static DateTimeOffset Bangkok(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("7.00:00:00@08:00", 7, 8, 0)]
    [InlineData("00:01:00", 0, null, null)]
    [InlineData("0@07:30", 0, 7, 30)]
    [InlineData("1.00:00:00", 1, null, null)]
    public void Offsets_are_read_as_configuration_writes_them(string text, int days, int? hour, int? minute)
    {
        var offset = ReminderOffset.Parse(text);

        Assert.Equal(TimeSpan.FromDays(days), TimeSpan.FromDays(offset.Lead.Days));
        Assert.Equal(hour is null ? null : new TimeOnly(hour.Value, minute!.Value), offset.AtBangkokTime);
    }

    [Theory]
    [InlineData("seven days")]
    [InlineData("7.00:00:00@8am")]
    [InlineData("-1.00:00:00")]
    [InlineData("1@08:00@09:00")]
    public void A_mistyped_offset_is_refused_with_the_format_to_use(string text)
    {
        var error = Assert.Throws<FormatException>(() => ReminderOffset.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_offsets_land_at_their_Bangkok_times()
    {
        // A visit on Wednesday 16 December 2026 at 09:00.
        var visit = Bangkok(2026, 12, 16, 9, 0);

        var due = ReminderOffset.Defaults.Select(ReminderOffset.Parse).Select(o => o.DueFor(visit, Calendar)).ToArray();

        Assert.Equal([Bangkok(2026, 12, 9, 8, 0), Bangkok(2026, 12, 15, 8, 0), Bangkok(2026, 12, 16, 7, 30)], due);
        Assert.All(due, d => Assert.Equal(TimeSpan.Zero, d.Offset));
    }

    [Fact]
    public void A_reminder_due_on_a_holiday_moves_to_the_working_day_before()
    {
        // Seven days before Monday 14 December is Monday 7 December, the substitute for Father's Day:
        // the weekend before is off too, so the reminder goes on Friday 4 December.
        var visit = Bangkok(2026, 12, 14, 9, 0);

        Assert.Equal(Bangkok(2026, 12, 4, 8, 0), ReminderOffset.Parse("7.00:00:00@08:00").DueFor(visit, Calendar));
        Assert.Equal(Bangkok(2026, 12, 11, 8, 0), ReminderOffset.Parse("1.00:00:00@08:00").DueFor(visit, Calendar));
    }

    [Fact]
    public void An_offset_under_a_day_stays_where_it_falls_even_on_a_day_off()
    {
        var visitOnSaturday = Bangkok(2026, 12, 12, 9, 0);

        Assert.Equal(Bangkok(2026, 12, 12, 8, 59), ReminderOffset.Parse("00:01:00").DueFor(visitOnSaturday, Calendar));
        Assert.Equal(Bangkok(2026, 12, 12, 7, 30), ReminderOffset.Parse("0@07:30").DueFor(visitOnSaturday, Calendar));
    }
}
