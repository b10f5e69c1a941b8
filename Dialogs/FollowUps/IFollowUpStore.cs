using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>Follow-up actions by scope, and the count of committee meetings per group and semester.</summary>
public interface IFollowUpStore
{
    /// <summary>Adds the actions not stored before (by scope and id); returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyCollection<FollowUpAction> actions, CancellationToken cancellationToken);

    Task<FollowUpAction?> GetAsync(FollowUpScope scope, string id, CancellationToken cancellationToken);

    /// <returns>False when there is no such open action (unknown, or already done by someone else).</returns>
    Task<bool> MarkDoneAsync(FollowUpScope scope, string id, string doneBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The scope's actions, open ones first by due date, then the done ones newest first.</summary>
    Task<IReadOnlyList<FollowUpAction>> ListAsync(FollowUpScope scope, CancellationToken cancellationToken);

    /// <summary>Records one meeting record of a group in a semester; recording the same reference again changes nothing.</summary>
    Task RecordMeetingAsync(int groupNumber, SchoolTerm term, string reference, CancellationToken cancellationToken);

    Task<int> CountMeetingsAsync(int groupNumber, SchoolTerm term, CancellationToken cancellationToken);
}
