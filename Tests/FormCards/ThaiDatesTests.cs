using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Tests.FormCards;

public class ThaiDatesTests
{
    [Theory]
    [InlineData(2026, 11, 24, "24 พฤศจิกายน 2569", "24 November 2026")]
    [InlineData(2025, 1, 1, "1 มกราคม 2568", "1 January 2025")]
    [InlineData(2024, 2, 29, "29 กุมภาพันธ์ 2567", "29 February 2024")]
    public void Dates_read_with_Buddhist_Era_years_in_Thai_and_Gregorian_in_English(int year, int month, int day, string thai, string english)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(thai, ThaiDates.FormatDate(date, Language.Thai));
        Assert.Equal(english, ThaiDates.FormatDate(date, Language.English));
    }

    [Theory]
    [InlineData("2026-11-24T03:15:00Z", "24 พ.ย. 2569 เวลา 10:15 น.", "24 Nov 2026, 10:15")]
    // Bangkok is seven hours ahead, so late UTC evenings are already the next day, month and year there.
    [InlineData("2025-12-31T16:59:00Z", "31 ธ.ค. 2568 เวลา 23:59 น.", "31 Dec 2025, 23:59")]
    [InlineData("2025-12-31T17:00:00Z", "1 ม.ค. 2569 เวลา 00:00 น.", "1 Jan 2026, 00:00")]
    [InlineData("2026-02-28T17:30:00Z", "1 มี.ค. 2569 เวลา 00:30 น.", "1 Mar 2026, 00:30")]
    [InlineData("2024-02-28T18:05:00Z", "29 ก.พ. 2567 เวลา 01:05 น.", "29 Feb 2024, 01:05")]
    [InlineData("2026-11-24T10:15:00+07:00", "24 พ.ย. 2569 เวลา 10:15 น.", "24 Nov 2026, 10:15")]
    public void Moments_read_in_Bangkok_time(string moment, string thai, string english)
    {
        var utc = DateTimeOffset.Parse(moment, CultureInfo.InvariantCulture);

        Assert.Equal(thai, ThaiDates.FormatDateTime(utc, Language.Thai));
        Assert.Equal(english, ThaiDates.FormatDateTime(utc, Language.English));
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    public void The_machine_culture_changes_nothing(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("24 พฤศจิกายน 2569", ThaiDates.FormatDate(new DateOnly(2026, 11, 24), Language.Thai));
            Assert.Equal("24 Nov 2026, 10:15", ThaiDates.FormatDateTime(new DateTimeOffset(2026, 11, 24, 3, 15, 0, TimeSpan.Zero), Language.English));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
