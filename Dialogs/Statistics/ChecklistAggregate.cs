using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Statistics;

/// <summary>Counts of ปฏิบัติ / ไม่ปฏิบัติ / ไม่เกี่ยวข้อง for one checklist item; mergeable like <see cref="LikertAggregate"/>.</summary>
public sealed class ChecklistAggregate
{
    public long Done { get; private set; }

    public long NotDone { get; private set; }

    public long NotApplicable { get; private set; }

    public static ChecklistAggregate FromTotals(long done, long notDone, long notApplicable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(done);
        ArgumentOutOfRangeException.ThrowIfNegative(notDone);
        ArgumentOutOfRangeException.ThrowIfNegative(notApplicable);
        return new ChecklistAggregate { Done = done, NotDone = notDone, NotApplicable = notApplicable };
    }

    /// <summary>Counts a stored checklist answer; anything else (a missing answer) is not counted.</summary>
    public void Add(string value)
    {
        switch (value)
        {
            case ChecklistItem.Done: Done++; break;
            case ChecklistItem.NotDone: NotDone++; break;
            case ChecklistItem.NotApplicable: NotApplicable++; break;
        }
    }

    public void Merge(ChecklistAggregate other)
    {
        Done += other.Done;
        NotDone += other.NotDone;
        NotApplicable += other.NotApplicable;
    }

    /// <summary>
    /// Percentage done among the items that applied: not-applicable answers are left out of the
    /// denominator so a school is not marked down for a step that does not concern it. Null when none applied.
    /// </summary>
    public decimal? PercentDone => Done + NotDone == 0 ? null : 100m * Done / (Done + NotDone);
}
