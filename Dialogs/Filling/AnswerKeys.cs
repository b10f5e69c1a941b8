using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

internal static class AnswerKeys
{
    /// <summary>The answer keys of items: their ids, plus the evidence note of checklist items that ask for one.</summary>
    public static IEnumerable<string> Of(IEnumerable<FormItem> items)
    {
        foreach (var item in items)
        {
            yield return item.Id;
            if (item is ChecklistItem { Evidence: not null })
            {
                yield return FormAnswers.EvidenceKey(item.Id);
            }
        }
    }
}
