using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Timeline;

/// <summary>Keeps each named response given for a school in the school's history as it is stored.</summary>
public sealed class SchoolHistoryRecorder(ISchoolHistory history) : IFormProgress
{
    public Task StartedAsync(FormSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SubmittedAsync(FormResponse response, string? respondentKey, CancellationToken cancellationToken)
    {
        if (respondentKey is not null && response.Answers.Get("school") is { } school)
        {
            await history.RecordAsync(new SchoolRecord(school.Trim().ToUpperInvariant(), response.FormId, response.ReferenceNumber, response.SubmittedUtc), cancellationToken);
        }
    }
}
