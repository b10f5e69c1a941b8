namespace SupervisionBot.Cards.Builders;

/// <summary>Verbs our buttons send; the bot routes invokes and fallback submits by them.</summary>
public static class CardVerbs
{
    public const string FormStart = "form.start";
    public const string FormBack = "form.back";
    public const string FormNext = "form.next";
    public const string FormReview = "form.review";
    public const string FormEdit = "form.edit";
    public const string FormSubmit = "form.submit";
    public const string FormCancel = "form.cancel";

    /// <summary>Shows the forms the user may fill (the welcome card's button).</summary>
    public const string FormsMenu = "forms.menu";

    /// <summary>Checks off a follow-up action (data: its scope and id).</summary>
    public const string FollowUpDone = "followup.done";

    /// <summary>Turns a page of a school's timeline (data: school code and page).</summary>
    public const string TimelinePage = "timeline.page";
    /// <summary>A summary card's Universal Actions refresh: the card is read again from the aggregates.</summary>
    public const string SummaryRefresh = "summary.refresh";
}

/// <summary>
/// Values of a checklist item's status choice, as forms store them. <see cref="NotApplicable"/> is
/// also what the "does not apply" option of a five-level scale submits, so one value means one thing.
/// </summary>
public static class ChecklistValues
{
    public const string Done = "done";
    public const string NotDone = "not-done";
    public const string NotApplicable = "not-applicable";
}
