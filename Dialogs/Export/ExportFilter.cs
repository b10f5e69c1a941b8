using System.Globalization;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Dialogs.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>What a file holds: every response, one row each, or the summary's figures (the numbers its card shows).</summary>
public enum ExportContent
{
    Responses,
    Summary,
}

/// <summary>
/// Which responses to export: a form, and optionally one campaign, one group, one school and a range
/// of Bangkok calendar days (both ends inclusive) on which they were submitted.
/// </summary>
public sealed record ExportFilter(string FormId, string? CampaignId, int? GroupNumber, string? SchoolCode, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The narrowest place named: the school, else the group, else the area (with the campaign, if any).</summary>
    public SummaryScope Scope => this switch
    {
        { SchoolCode: { } school } => SummaryScope.School(school, CampaignId),
        { GroupNumber: { } group } => SummaryScope.Group(group, CampaignId),
        _ => SummaryScope.Area(CampaignId),
    };

    /// <summary>The first moment of <see cref="From"/> in Bangkok, in UTC as responses are stored.</summary>
    public DateTimeOffset? FromUtc => From is { } day ? StartOfBangkokDay(day) : null;

    /// <summary>The first moment after <see cref="To"/> in Bangkok: the range ends just before it.</summary>
    public DateTimeOffset? BeforeUtc => To is { } day ? StartOfBangkokDay(day.AddDays(1)) : null;

    private static DateTimeOffset StartOfBangkokDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, ThaiDates.Bangkok.GetUtcOffset(midnight)).ToUniversalTime();
    }
}

/// <summary>What is wrong with a typed date range.</summary>
public enum ExportDateProblem
{
    BadFrom,
    BadTo,
    FromAfterTo,
}

/// <summary>Reads an export's date range as the chat and the command take it: each end optional, ISO or Thai with a B.E. year.</summary>
public static class ExportDates
{
    public static ExportDateProblem? TryRead(string? fromText, string? toText, out DateOnly? from, out DateOnly? to)
    {
        from = null;
        to = null;
        if (!string.IsNullOrWhiteSpace(fromText))
        {
            if (!TryParseDay(fromText, out var day))
            {
                return ExportDateProblem.BadFrom;
            }
            from = day;
        }
        if (!string.IsNullOrWhiteSpace(toText))
        {
            if (!TryParseDay(toText, out var day))
            {
                return ExportDateProblem.BadTo;
            }
            to = day;
        }
        return from > to ? ExportDateProblem.FromAfterTo : null;
    }

    /// <summary>
    /// The shared parser reads ISO as C.E. (a form's date field asks for a B.E. year to be typed again);
    /// a range is typed by people who write either era, so an ISO year from 2400 is read as B.E. here,
    /// through the parser's own B.E. path so that 2567-02-29 is the leap day it is.
    /// </summary>
    private static bool TryParseDay(string text, out DateOnly day)
    {
        var latin = ThaiDates.LatinDigits(text.Trim());
        if (latin.Split('-') is [{ Length: 4 } year, { Length: 2 } month, { Length: 2 } date]
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 2400)
        {
            latin = $"{date}/{month}/{year}";
        }
        return ThaiDates.TryParseDate(latin, out day);
    }
}
