using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>The required "which form" drop-down of the cards that act on a whole form (campaign, export).</summary>
/// <remarks>Named in full: this namespace has a <c>Choice</c> of its own, a form question's option.</remarks>
public static class FormPicker
{
    public static ChoiceSetInput Input(string id, IEnumerable<FormDefinition> forms, Language language, string? typed) => new()
    {
        Id = id,
        Label = language.Pick("แบบฟอร์ม", "Form"),
        IsRequired = true,
        ErrorMessage = language.Pick("โปรดเลือกแบบฟอร์ม", "Choose a form."),
        Style = ChoiceInputStyle.Compact,
        Value = typed,
        Choices = forms.Select(f => new Cards.Model.Choice(f.Title.Get(language), f.Id)).ToList(),
    };
}
