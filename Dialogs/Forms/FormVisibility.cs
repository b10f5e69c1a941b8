namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// Which items a respondent is asked, given the answers so far. An item is shown only when its
/// showWhen holds AND the item it tests is itself shown, so a stale answer left behind by a changed
/// earlier answer (has follow-ups: yes → no) cannot bring back the questions it once opened.
/// </summary>
public static class FormVisibility
{
    /// <summary>The ids of the shown items, in form order.</summary>
    public static IReadOnlySet<string> ShownItemIds(FormDefinition form, FormAnswers answers)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in form.Items)
        {
            // The loader guarantees a showWhen tests an earlier item, so one pass in form order is enough.
            if (item.ShowWhen is not { } showWhen || (shown.Contains(showWhen.ItemId) && showWhen.IsMetBy(answers)))
            {
                shown.Add(item.Id);
            }
        }

        return shown;
    }

}
