using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>
/// Reminds an action's owner, or, when the owner could not be matched to someone in the directory,
/// whoever answers for its scope (the school's director, the group's chair). A done action is left alone.
/// </summary>
public sealed class FollowUpReminderHandler(IFollowUpStore store, IOfficeDirectorySource directory, FollowUpNotices notices) : IJobHandler
{
    public string Kind => FollowUpRecorder.ReminderJob;

    public async Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (FollowUpScope.FromKey(job.Payload) is not { } scope
            || await store.GetAsync(scope, job.Id, cancellationToken) is not { Status: FollowUpStatus.Open } action)
        {
            return JobOutcome.Done;
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ThaiDates.Bangkok).DateTime);
        foreach (var person in Recipients(action, office))
        {
            if (await notices.ToPersonAsync(person, FollowUpNotices.ReminderPurpose, action.Id,
                language => FollowUpCards.Reminder(action, FollowUpScopes.Title(scope, office, language), language, today), cancellationToken))
            {
                break;
            }
        }
        return JobOutcome.Done;
    }

    /// <summary>The owner first, then the scope's responsible person; the first one reachable gets it.</summary>
    private static IEnumerable<Person> Recipients(FollowUpAction action, OfficeDirectory office)
    {
        var emails = new[] { action.OwnerEmail, FollowUpScopes.ResponsibleEmail(action.Scope, office) };
        return emails.OfType<string>().Select(office.PersonByEmail).OfType<Person>();
    }
}

/// <summary>Names and responsible people of a follow-up scope, from the directory.</summary>
public static class FollowUpScopes
{
    public static string Title(FollowUpScope scope, OfficeDirectory office, Cards.Language language) =>
        scope.SchoolCode is { } code
            ? office.School(code)?.Title(language) ?? code
            : office.Group(scope.GroupNumber!.Value)?.Title(language) ?? language.Pick($"กลุ่มโรงเรียนที่ {scope.GroupNumber}", $"School group {scope.GroupNumber}");

    public static string? ResponsibleEmail(FollowUpScope scope, OfficeDirectory office) =>
        scope.SchoolCode is { } code ? office.School(code)?.DirectorEmail : office.Group(scope.GroupNumber!.Value)?.ChairEmail;
}
