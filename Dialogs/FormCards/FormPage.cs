using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.FormCards;

/// <summary>A page of a form as one card shows it: all or part of one section.</summary>
public sealed record FormPage(string SectionId, int SectionNumber, int SectionCount, int PageInSection, int PagesInSection, IReadOnlyList<FormItem> Items);
