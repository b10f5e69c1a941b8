using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Timeline;

/// <summary>A named response given for a school (a needs survey, a self-assessment, a visit form), as the timeline lists it.</summary>
public sealed record SchoolRecord(string SchoolCode, string FormId, string ReferenceNumber, DateTimeOffset SubmittedUtc);

/// <summary>
/// The named responses given for each school, newest first, kept as they are stored. Anonymous
/// responses are never listed one by one: their time next to a receipt's would name the respondent.
/// </summary>
public interface ISchoolHistory
{
    Task RecordAsync(SchoolRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<SchoolRecord>> ListAsync(string schoolCode, int max, CancellationToken cancellationToken);
}
