using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>How the supervisor meets the school, as the unit's manual names the three ways of supervising.</summary>
public enum VisitMode
{
    /// <summary>ลงพื้นที่ (at the school).</summary>
    Onsite,

    /// <summary>ออนไลน์.</summary>
    Online,

    /// <summary>ผสมผสาน (partly at the school, partly online).</summary>
    Blended,
}

public enum VisitStatus
{
    Scheduled,

    /// <summary>At least one reminder has gone out.</summary>
    Reminded,

    /// <summary>The supervisor has started the visit's checklist.</summary>
    InProgress,

    /// <summary>The checklist was submitted.</summary>
    Completed,

    /// <summary>The time window passed without a submitted checklist.</summary>
    Missed,

    Cancelled,

    /// <summary>Moved: this visit is closed and <see cref="Visit.RescheduledAs"/> is the new one.</summary>
    Rescheduled,
}

/// <summary>
/// One supervision visit to a school: the Do of the unit's PDCA loop. Times are UTC (as stored); a
/// visit is shown and typed in Bangkok time. People are named by their directory email.
/// </summary>
public sealed record Visit
{
    public required string Id { get; init; }
    public required string SchoolCode { get; init; }
    public required DateTimeOffset StartUtc { get; init; }
    public required DateTimeOffset EndUtc { get; init; }
    public required string SupervisorEmail { get; init; }

    /// <summary>The form the supervisor fills at the visit (a checklist or observation form of the catalogue).</summary>
    public required string ChecklistFormId { get; init; }

    public string Purpose { get; init; } = "";
    public VisitMode Mode { get; init; } = VisitMode.Onsite;

    /// <summary>Teachers to observe, by email: the supervisees who get the satisfaction form.</summary>
    public IReadOnlyList<string> TeacherEmails { get; init; } = [];

    public VisitStatus Status { get; init; } = VisitStatus.Scheduled;

    /// <summary>The visit that replaced this one when it was rescheduled.</summary>
    public string? RescheduledAs { get; init; }

    public DateOnly BangkokDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartUtc, ThaiDates.Bangkok).DateTime);

    /// <summary>Still ahead of the supervisor: reminders and the checklist apply.</summary>
    public bool IsOpen => Status is VisitStatus.Scheduled or VisitStatus.Reminded or VisitStatus.InProgress;
}
