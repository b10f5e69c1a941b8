using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// Told when someone starts a form and when a response is stored, so campaigns can follow who has
/// answered and a visit can see its checklist done. Calls may repeat (a retried submit): be idempotent.
/// </summary>
public interface IFormProgress
{
    Task StartedAsync(FormSession session, CancellationToken cancellationToken);

    /// <param name="respondentKey">Who submitted; null for an anonymous form, which may be counted but never named.</param>
    Task SubmittedAsync(FormResponse response, string? respondentKey, CancellationToken cancellationToken);
}
