using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// Submitted forms. A submission is stored once however often it is delivered, and its receipt is
/// shown only to the person who submitted it. A response without a respondent (an anonymous form)
/// must not be linkable to its owner by anyone who can read the storage: not by key, value or time.
/// </summary>
public interface IResponseStore
{
    /// <summary>
    /// Stores <paramref name="response"/>, submitted by <paramref name="ownerKey"/>, under
    /// <paramref name="submissionKey"/> unless that submission is already stored, in which case the
    /// earlier response is returned and nothing is written.
    /// </summary>
    Task<FormResponse> SaveOnceAsync(string submissionKey, string ownerKey, FormResponse response, CancellationToken cancellationToken);

    /// <summary>
    /// The receipt of a stored submission, for <paramref name="ownerKey"/> only: null for anyone else.
    /// An anonymous response's receipt carries no answers, since none are kept with the owner.
    /// </summary>
    Task<FormResponse?> FindReceiptAsync(string ownerKey, string formId, string submissionKey, CancellationToken cancellationToken);
}

/// <summary>
/// "Has responded" markers for anonymous forms, kept apart from the answers so the answers carry no
/// identity; used only for reminders and to stop a second response.
/// </summary>
public interface IRespondentRegistry
{
    Task MarkRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken);

    Task<bool> HasRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken);
}
