using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>Submitted forms. A submission is stored once however often it is delivered.</summary>
public interface IResponseStore
{
    /// <summary>
    /// Stores <paramref name="response"/> under <paramref name="submissionKey"/> unless that submission
    /// is already stored, in which case the earlier response is returned and nothing is written.
    /// </summary>
    Task<FormResponse> SaveOnceAsync(string submissionKey, FormResponse response, CancellationToken cancellationToken);

    Task<FormResponse?> FindAsync(string formId, string submissionKey, CancellationToken cancellationToken);
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
