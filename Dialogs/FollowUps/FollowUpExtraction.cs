using System.Globalization;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>
/// Turns a stored response into follow-up actions. A committee meeting's numbered follow-ups keep
/// their own owner and due date. A visit form's recommendations (its "advice" and "…recommendations"
/// answers, or "to-develop" on forms without them) become one action per line, owned by the school's
/// director and due on the form's follow-up date, or <see cref="DefaultDueDays"/> after the visit.
/// </summary>
public static class FollowUpExtraction
{
    public const int DefaultDueDays = 30;
    private const int NumberedFollowUps = 3;

    public static readonly IReadOnlySet<FormKind> VisitKinds = new HashSet<FormKind>
    {
        FormKind.IqaFollowUp, FormKind.ClassroomObservation, FormKind.AdministrationSupervision, FormKind.TeachingSupervision, FormKind.IndicatorFollowUp,
    };

    public static IReadOnlyList<FollowUpAction> From(FormDefinition form, FormResponse response, OfficeDirectory directory)
    {
        if (form.Kind == FormKind.GroupMeeting)
        {
            return FromMeeting(response, directory);
        }
        return VisitKinds.Contains(form.Kind) ? FromVisit(form, response, directory) : [];
    }

    /// <summary>The group and semester a meeting record is for, or null when its answers do not say.</summary>
    public static (int Group, SchoolTerm Term)? MeetingOf(FormResponse response)
    {
        var answers = response.Answers;
        return int.TryParse(answers.Get("school-group"), NumberStyles.None, CultureInfo.InvariantCulture, out var group)
            && int.TryParse(answers.Get("academic-year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && answers.Get("semester") is "semester-1" or "semester-2"
                ? (group, new SchoolTerm(year, answers.Get("semester") == "semester-1" ? 1 : 2))
                : null;
    }

    private static List<FollowUpAction> FromMeeting(FormResponse response, OfficeDirectory directory)
    {
        var answers = response.Answers;
        if (MeetingOf(response) is not { } meeting)
        {
            return [];
        }
        var scope = FollowUpScope.Group(meeting.Group);
        var held = ThaiDates.TryParseDate(answers.Get("meeting-date"), out var date) ? date : BangkokDate(response.SubmittedUtc);
        var actions = new List<FollowUpAction>();
        for (var n = 1; n <= NumberedFollowUps; n++)
        {
            if (answers.Get($"follow-up-{n}-task") is { } task && answers.Get($"follow-up-{n}-owner") is { } owner)
            {
                var due = ThaiDates.TryParseDate(answers.Get($"follow-up-{n}-due"), out var d) ? d : held.AddDays(DefaultDueDays);
                actions.Add(Action(response, scope, n, task, owner, OwnerEmail(owner, directory), due));
            }
        }
        // Free-text further follow-ups have no owner of their own: the group's chair answers for them.
        var chair = directory.Group(meeting.Group)?.ChairEmail;
        var chairName = chair is null ? null : directory.PersonByEmail(chair)?.DisplayName ?? chair;
        foreach (var line in Lines(answers.Get("other-follow-ups")))
        {
            actions.Add(Action(response, scope, actions.Count + 1, line, chairName ?? "ประธานกลุ่มโรงเรียน", chair, held.AddDays(DefaultDueDays)));
        }
        return actions;
    }

    private static List<FollowUpAction> FromVisit(FormDefinition form, FormResponse response, OfficeDirectory directory)
    {
        var answers = response.Answers;
        if (answers.Get("school") is not { } code)
        {
            return [];
        }
        var scope = FollowUpScope.School(code);
        var director = directory.School(code)?.DirectorEmail;
        var owner = director is null ? "ผู้อำนวยการสถานศึกษา" : directory.PersonByEmail(director)?.DisplayName ?? director;
        var visited = ThaiDates.TryParseDate(answers.Get("visit-date"), out var v) ? v : BangkokDate(response.SubmittedUtc);
        var due = ThaiDates.TryParseDate(answers.Get("follow-up-date"), out var f) ? f : visited.AddDays(DefaultDueDays);
        var items = form.Items.Where(i => i.Id is "advice" or "recommendations" || i.Id.EndsWith("-recommendations", StringComparison.Ordinal)).ToList();
        if (items.Count == 0)
        {
            items = form.Items.Where(i => i.Id == "to-develop").ToList();
        }
        return items.SelectMany(i => Lines(answers.Get(i.Id)))
            .Select((line, index) => Action(response, scope, index + 1, line, owner, director, due) with { VisitId = response.Link.VisitId })
            .ToList();
    }

    private static FollowUpAction Action(FormResponse response, FollowUpScope scope, int number, string task, string owner, string? ownerEmail, DateOnly due) => new()
    {
        Id = response.ReferenceNumber + "-" + number.ToString(CultureInfo.InvariantCulture),
        Scope = scope,
        Task = task.Trim(),
        OwnerName = owner.Trim(),
        OwnerEmail = ownerEmail,
        DueDate = due,
        SourceFormId = response.FormId,
        SourceReference = response.ReferenceNumber,
        VisitId = response.Link.VisitId,
        CreatedUtc = response.SubmittedUtc,
    };

    /// <summary>An owner typed as an email, or as the display name of exactly one person in the directory.</summary>
    private static string? OwnerEmail(string owner, OfficeDirectory directory)
    {
        var typed = owner.Trim();
        if (directory.PersonByEmail(typed) is { } byEmail)
        {
            return byEmail.Email;
        }
        var byName = directory.People.Where(p => string.Equals(p.DisplayName, typed, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return byName is [var only] ? only.Email : null;
    }

    /// <summary>One recommendation per line; list marks ("-", "•", "1.") are not part of it.</summary>
    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n')
            .Select(line => line.Trim().TrimStart('-', '•', '*', '–').Trim())
            .Select(line => line.Length > 2 && char.IsAsciiDigit(line[0]) && line[1] is '.' or ')' ? line[2..].Trim() : line)
            .Where(line => line.Length > 0);

    private static DateOnly BangkokDate(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, ThaiDates.Bangkok).DateTime);
}
