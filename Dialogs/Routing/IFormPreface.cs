using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Routing;

/// <summary>
/// Something to see before a form's first page, e.g. the open follow-up actions of the school a visit
/// checklist is about, so last visit's recommendations are checked before new ones are written.
/// </summary>
public interface IFormPreface
{
    Task<AdaptiveCard?> BeforeAsync(Turn turn, FormDefinition form, FormAnswers prefill, CancellationToken cancellationToken);
}
