namespace SupervisionBot.Cards.Builders;

/// <summary>The visit cards' button verbs (the reminder card sends <see cref="Cancel"/> and <see cref="Reschedule"/> too).</summary>
public static class VisitVerbs
{
    public const string Prefix = "visit.";

    /// <summary>The guided scheduling card: its first step (the school), or the second when data names the school.</summary>
    public const string New = "visit.new";

    /// <summary>Submits the scheduling card.</summary>
    public const string Schedule = "visit.schedule";

    /// <summary>A week of visits, data {"week": "yyyy-MM-dd"} (its Monday).</summary>
    public const string Week = "visit.week";

    /// <summary>A supervisor's visits for a school group over a semester, data {"group": n}.</summary>
    public const string Semester = "visit.semester";

    /// <summary>Asks to confirm cancelling, data {"visitId": "…"}.</summary>
    public const string Cancel = "visit.cancel";

    public const string CancelConfirm = "visit.cancel.confirm";

    /// <summary>Shows the new date and time to pick, data {"visitId": "…"}.</summary>
    public const string Reschedule = "visit.reschedule";

    public const string RescheduleSave = "visit.reschedule.save";

    public const string VisitIdKey = "visitId";
}
