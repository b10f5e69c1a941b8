using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Visits;

/// <summary>
/// What makes a visit plannable: a school and a supervisor the directory knows, a window on one
/// working day that has not passed, a visit checklist of the catalogue and teachers of that school.
/// Every problem is reported, not just the first, so one reply (or one import report) fixes all.
/// </summary>
public sealed class VisitRules(FormCatalogue catalogue, SchoolCalendar calendar, TimeProvider time)
{
    /// <summary>The kinds of form a supervisor fills at a visit, the forms “นิเทศ” lists.</summary>
    public static IReadOnlySet<FormKind> ChecklistKinds { get; } = new HashSet<FormKind>
    {
        FormKind.ClassroomObservation, FormKind.IqaFollowUp, FormKind.IndicatorFollowUp, FormKind.AdministrationSupervision, FormKind.TeachingSupervision,
    };

    public IEnumerable<FormDefinition> Checklists => catalogue.Forms.Where(f => ChecklistKinds.Contains(f.Kind));

    public SchoolCalendar Calendar => calendar;

    public IReadOnlyList<LocalizedText> Check(VisitRequest request, VisitActor actor, OfficeDirectory directory)
    {
        var problems = new List<LocalizedText>();
        var school = directory.School(request.SchoolCode);
        if (school is null)
        {
            problems.Add(VisitTexts.UnknownSchool(request.SchoolCode));
        }
        var supervisor = directory.PersonByEmail(request.SupervisorEmail.Trim());
        if (supervisor is null || !supervisor.Holds(RespondentRole.Supervisor))
        {
            problems.Add(VisitTexts.NotASupervisor(request.SupervisorEmail));
        }
        else if (!actor.IsAdmin && !actor.Is(supervisor.Email))
        {
            problems.Add(VisitTexts.OnlyForYourself);
        }
        problems.AddRange(CheckWindow(request.Date, request.Start, request.End));
        if (catalogue.Find(request.ChecklistFormId) is not { } form || !ChecklistKinds.Contains(form.Kind))
        {
            problems.Add(VisitTexts.NotAChecklist(request.ChecklistFormId, Checklists.Select(f => f.Id)));
        }
        foreach (var email in request.TeacherEmails)
        {
            var teacher = directory.PersonByEmail(email.Trim());
            if (teacher is null)
            {
                problems.Add(VisitTexts.UnknownTeacher(email));
            }
            else if (school is not null && teacher.SchoolCode is { } at && !string.Equals(at, school.Code, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(VisitTexts.TeacherElsewhere(email, school.NameTh));
            }
        }
        return problems;
    }

    /// <summary>The time checks alone, which a reschedule needs as much as a new visit.</summary>
    public IReadOnlyList<LocalizedText> CheckWindow(DateOnly date, TimeOnly start, TimeOnly end)
    {
        var problems = new List<LocalizedText>();
        if (end <= start)
        {
            problems.Add(VisitTexts.EndBeforeStart);
        }
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), ThaiDates.Bangkok).DateTime;
        if (date.ToDateTime(start) <= now)
        {
            problems.Add(VisitTexts.InThePast);
        }
        if (calendar.HolidayOn(date) is { } holiday)
        {
            problems.Add(VisitTexts.Holiday(date, holiday));
        }
        else if (SchoolCalendar.IsWeekend(date))
        {
            problems.Add(VisitTexts.Weekend(date));
        }
        return problems;
    }
}
