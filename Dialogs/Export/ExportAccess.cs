using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Dialogs.Export;

/// <summary>
/// Who may export which responses: the raw answers (free text, and names on a named form) go only to
/// the form's readers (admins too), and only for a school, group or the area they may see, as with
/// summaries. So a director gets their own school's answers of a form directors read; a teacher none.
/// </summary>
public static class ExportAccess
{
    public static bool MayRead(FormDefinition form, IReadOnlySet<RespondentRole> roles) => ReaderRoles(form, roles).Count > 0;

    /// <summary>
    /// The filter the person may have: as asked when its scope is theirs, narrowed to the widest scope
    /// they may see when they named none, or null when they may not export it at all.
    /// </summary>
    public static ExportFilter? Allow(OfficeDirectory office, Person? person, IReadOnlySet<RespondentRole> roles, FormDefinition form, ExportFilter filter)
    {
        if (AccessPolicy.Decide(OfficeAction.ExportResponses, roles) is { Allowed: false })
        {
            return null;
        }
        var readers = ReaderRoles(form, roles);
        if (readers.Count == 0)
        {
            return null;
        }
        if (filter.SchoolCode is null && filter.GroupNumber is null)
        {
            return SummaryAccess.Widest(office, person, readers, filter.CampaignId) switch
            {
                null => null,
                { Level: ScopeLevel.Area } => filter,
                { Level: ScopeLevel.Group } group => filter with { GroupNumber = group.GroupNumber },
                var school => filter with { SchoolCode = school.Key },
            };
        }
        // The school, when both are named, is the narrower: the export keeps only rows matching both anyway.
        return SummaryAccess.MaySee(office, person, readers, filter.Scope) ? filter : null;
    }

    private static HashSet<RespondentRole> ReaderRoles(FormDefinition form, IReadOnlySet<RespondentRole> roles) =>
        roles.Where(role => role == RespondentRole.Admin || form.CanBeReadBy(role)).ToHashSet();
}
