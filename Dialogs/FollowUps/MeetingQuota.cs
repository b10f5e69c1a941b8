using System.Globalization;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>
/// The committee of each school group should meet at least twice a semester. A month before each
/// semester ends, a group with fewer meeting records than that gets a reminder to its chair.
/// </summary>
public sealed class MeetingQuota(IFollowUpStore store, IOfficeDirectorySource directory, IJobSchedule schedule, FollowUpNotices notices, SchoolCalendar calendar, TimeProvider time) : IJobHandler
{
    public const string Job = "meeting-quota";
    public const int MeetingsPerSemester = 2;

    public string Kind => Job;

    /// <summary>Puts each group's check for every semester still ahead on the schedule; safe to repeat.</summary>
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var office = await directory.CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        var planned = 0;
        foreach (var year in calendar.Years)
        {
            foreach (var semester in year.Semesters)
            {
                var due = CheckAt(semester);
                if (due <= now)
                {
                    continue;
                }
                foreach (var group in office.Groups)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"{group.Number}-{year.BuddhistYear}-{semester.Number}");
                    await schedule.ScheduleAsync(new ScheduledJob(Job, id, due, id), cancellationToken);
                    planned++;
                }
            }
        }
        return planned;
    }

    public async Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parts = job.Payload.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var groupNumber)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var year) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var number)
            || calendar.Years.FirstOrDefault(y => y.BuddhistYear == year)?.Semesters.FirstOrDefault(s => s.Number == number) is not { } semester)
        {
            return JobOutcome.Done;
        }
        if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ThaiDates.Bangkok).DateTime) > semester.End)
        {
            return JobOutcome.TooLate;
        }
        var held = await store.CountMeetingsAsync(groupNumber, new SchoolTerm(year, number), cancellationToken);
        var office = await directory.CurrentAsync(cancellationToken);
        if (held < MeetingsPerSemester && office.Group(groupNumber) is { ChairEmail: { } chairEmail } group && office.PersonByEmail(chairEmail) is { } chair)
        {
            await notices.ToPersonAsync(chair, FollowUpNotices.MeetingQuotaPurpose, job.Id,
                language => FollowUpCards.MeetingQuota(group.Title(language), held, semester, language), cancellationToken);
        }
        return JobOutcome.Done;
    }

    /// <summary>A month before the semester's last day, at 08:00 Bangkok, moved back to a working day.</summary>
    private DateTimeOffset CheckAt(Semester semester)
    {
        var day = calendar.OnOrBeforeWorkingDay(semester.End.AddMonths(-1));
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), ThaiDates.Bangkok.BaseUtcOffset).ToUniversalTime();
    }
}
