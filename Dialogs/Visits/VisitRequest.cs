using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>A visit as someone asks for it: a Bangkok date and time window, people by email.</summary>
public sealed record VisitRequest(
    string SchoolCode,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string SupervisorEmail,
    string ChecklistFormId,
    string Purpose,
    VisitMode Mode,
    IReadOnlyList<string> TeacherEmails)
{
    public DateTimeOffset StartUtc => Utc(Start);

    public DateTimeOffset EndUtc => Utc(End);

    /// <summary>
    /// The visit's id, from what makes it this visit (school, start, supervisor): the same row imported
    /// twice or a submit pressed twice names the same visit instead of adding another.
    /// </summary>
    public string BaseId
    {
        get
        {
            var key = string.Join('|', SchoolCode.Trim().ToUpperInvariant(), StartUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), SupervisorEmail.Trim().ToLowerInvariant());
            return "v" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
        }
    }

    public Visit ToVisit(string id) => new()
    {
        Id = id,
        SchoolCode = SchoolCode,
        StartUtc = StartUtc,
        EndUtc = EndUtc,
        SupervisorEmail = SupervisorEmail.Trim().ToLowerInvariant(),
        ChecklistFormId = ChecklistFormId,
        Purpose = Purpose.Trim(),
        Mode = Mode,
        TeacherEmails = TeacherEmails.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray(),
    };

    /// <summary>The same visit at another time, as a reschedule asks for it.</summary>
    public static VisitRequest MovedFrom(Visit visit, DateOnly date, TimeOnly start, TimeOnly end) =>
        new(visit.SchoolCode, date, start, end, visit.SupervisorEmail, visit.ChecklistFormId, visit.Purpose, visit.Mode, visit.TeacherEmails);

    private DateTimeOffset Utc(TimeOnly time)
    {
        var local = Date.ToDateTime(time);
        return new DateTimeOffset(local, ThaiDates.Bangkok.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>Who is planning: the supervisor themself or an admin acting for one. Email is null for the command line.</summary>
public sealed record VisitActor(string? Email, IReadOnlySet<RespondentRole> Roles)
{
    /// <summary>The IT admin at the command line, who runs imports for the whole office.</summary>
    public static VisitActor CommandLine { get; } = new(null, new HashSet<RespondentRole> { RespondentRole.Admin });

    public bool IsAdmin => Roles.Contains(RespondentRole.Admin);

    public bool Is(string email) => Email is not null && string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase);
}
