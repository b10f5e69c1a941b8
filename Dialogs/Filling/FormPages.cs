using System.Collections;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.FormCards;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// The pages a user fills given the answers so far, hidden items left out, and where Back, Next and
/// Edit lead from one of them. A page holds at most <see cref="CardLimits.MaxInputs"/> inputs and ends
/// right after an item that another item of its section depends on: Adaptive Cards 1.5 cannot hide an
/// input by another input's value, so the condition must be answered before the card that may show
/// the dependent item.
/// </summary>
public sealed class FormPages : IReadOnlyList<FormPage>
{
    private readonly IReadOnlyList<FormPage> pages;

    private FormPages(IReadOnlyList<FormPage> pages) => this.pages = pages;

    public int Count => pages.Count;

    /// <summary>The last page: where Back leads from the review card.</summary>
    public int Last => pages.Count - 1;

    public FormPage this[int index] => pages[index];

    public static FormPages Of(FormDefinition form, FormAnswers answers)
    {
        var shown = FormVisibility.ShownItemIds(form, answers);
        var chunksBySection = form.Sections
            .Select(section => (section.Id, Chunks: Chunk(section, shown)))
            .Where(section => section.Chunks.Count > 0)
            .ToList();
        return new FormPages(chunksBySection
            .SelectMany((section, index) => section.Chunks.Select((items, page) =>
                new FormPage(section.Id, index + 1, chunksBySection.Count, page + 1, section.Chunks.Count, items)))
            .ToList());
    }

    /// <summary>A stored page index made safe: the answers, and so the pages, may have changed since it was stored.</summary>
    public int Clamp(int index) => Math.Clamp(index, 0, Last);

    public bool IsLast(int index) => index == Last;

    /// <summary>The first page of a section (Edit on the review card), or null when none of its items is shown.</summary>
    public int? FirstOf(string? sectionId)
    {
        for (var index = 0; index < pages.Count; index++)
        {
            if (pages[index].SectionId == sectionId)
            {
                return index;
            }
        }
        return null;
    }

    public IEnumerator<FormPage> GetEnumerator() => pages.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static List<IReadOnlyList<FormItem>> Chunk(FormSection section, IReadOnlySet<string> shown)
    {
        var controllers = section.Items.Where(item => item.ShowWhen is not null).Select(item => item.ShowWhen!.ItemId).ToHashSet(StringComparer.Ordinal);
        var chunks = new List<IReadOnlyList<FormItem>>();
        var current = new List<FormItem>();
        var inputs = 0;
        foreach (var item in section.Items.Where(item => shown.Contains(item.Id)))
        {
            var itemInputs = InputCount(item);
            if (inputs + itemInputs > CardLimits.MaxInputs)
            {
                chunks.Add(current);
                (current, inputs) = ([], 0);
            }

            current.Add(item);
            inputs += itemInputs;
            if (controllers.Contains(item.Id))
            {
                chunks.Add(current);
                (current, inputs) = ([], 0);
            }
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    private static int InputCount(FormItem item) => item is ChecklistItem { Evidence: not null } ? 2 : 1;
}
