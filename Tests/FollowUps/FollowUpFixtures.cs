using System.Collections.Concurrent;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Tests.FollowUps;

/// <summary>A small fictional area: group 2 with its chair and channel, one school with its director, a teacher and a supervisor.</summary>
public static class FollowUpFixtures
{
    public const string SchoolCode = "10010002";

    public static readonly OfficeDirectory Office = new(
        [new SchoolGroup(2, "กลุ่มโรงเรียนที่ 2", "School group 2", "chair@school.test", null, "team-2", "19:group2@thread.tacv2")],
        [new School(SchoolCode, "โรงเรียนบ้านสวน", "Baan Suan School", 2, "director@school.test", "contact@school.test", false)],
        [],
        [
            Person("chair@school.test", "นายประธาน ใจดี", "aad-chair", RespondentRole.GroupChair, null, 2),
            Person("director@school.test", "นางสาวอำนวย สุขใจ", "aad-director", RespondentRole.Director, SchoolCode, 2),
            Person("teacher@school.test", "ครูสมศรี รักเรียน", "aad-teacher", RespondentRole.Teacher, SchoolCode, 2),
            Person("supervisor@office.test", "ศน.สมชาย ตั้งใจ", "aad-supervisor", RespondentRole.Supervisor, null, 2),
            Person("other-director@school.test", "ผอ.อื่น", "aad-other", RespondentRole.Director, "10019999", 3),
        ]);

    public static readonly SchoolCalendar AreaCalendar = SchoolCalendarLoader.Load([]);

    public static Person Person(string email, string name, string aad, RespondentRole role, string? school, int group) =>
        new(email, name, aad, new HashSet<RespondentRole> { role }, school, [group], []);

    public static FormResponse Meeting(string reference = "MTG-691124-AAAAAA") => new("group-meeting-record", 2, reference, FormAnswers.From(
    [
        new("school-group", "2"), new("meeting-number", "3"), new("meeting-year", "2569"), new("academic-year", "2569"), new("semester", "semester-2"),
        new("meeting-date", "2026-11-24"), new("venue", "ห้องประชุมโรงเรียนบ้านสวน"), new("attendees", "นายประธาน ใจดี\nนางสาวอำนวย สุขใจ"),
        new("resolutions", "เห็นชอบแผนนิเทศภาคเรียนที่ 2"), new("has-follow-ups", "yes"),
        new("follow-up-1-task", "จัดทำแผนพัฒนาครูด้านการวัดผล"), new("follow-up-1-owner", "นางสาวอำนวย สุขใจ"), new("follow-up-1-due", "2026-12-15"),
        new("more-follow-ups-1", "yes"),
        new("follow-up-2-task", "สรุปผลการสอบกลางภาค"), new("follow-up-2-owner", "งานวัดผลของกลุ่ม"), new("follow-up-2-due", "2026-12-20"),
        new("more-follow-ups-2", "no"),
    ]), new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), "aad-chair");

    public static FormResponse AdministrationVisit(string reference = "ADM-691124-BBBBBB") => new("administration-supervision", 1, reference, FormAnswers.From(
    [
        new("school", SchoolCode), new("school-group", "2"), new("visit-date", "2026-11-24"),
        new("academic-recommendations", "- ทบทวนหลักสูตรสถานศึกษา\n2. วิเคราะห์ผลสัมฤทธิ์รายวิชา"),
        new("advice", "ติดตามการนิเทศภายในทุกเดือน"), new("follow-up-date", "2027-01-15"),
    ]), new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), "aad-supervisor") { Link = new FormLink(null, "visit-9") };
}

public sealed class FixedDirectory(OfficeDirectory office) : IOfficeDirectorySource
{
    public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(office);
}

/// <summary>Keeps what was queued; like the real outbox, the same purpose, recipient and key twice is one message.</summary>
public sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentDictionary<(string, string, string), OutboxMessage> _messages = new();

    public IReadOnlyCollection<OutboxMessage> Messages => _messages.Values.ToList();

    public Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken) =>
        Task.FromResult(messages.Count(m => _messages.TryAdd((m.Purpose, m.Recipient, m.MessageKey), m)));

    public Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();
}

public sealed class RecordingSchedule : IJobSchedule
{
    private readonly ConcurrentDictionary<(string, string), ScheduledJob> _jobs = new();

    public IReadOnlyCollection<ScheduledJob> Jobs => _jobs.Values.ToList();

    public Task ScheduleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        _jobs[(job.Kind, job.Id)] = job;
        return Task.CompletedTask;
    }

    public Task<bool> CancelAsync(string kind, string id, CancellationToken cancellationToken) => Task.FromResult(_jobs.TryRemove((kind, id), out _));

    public Task<JobStatus?> GetStatusAsync(string kind, string id, CancellationToken cancellationToken) => throw new NotSupportedException();
}
