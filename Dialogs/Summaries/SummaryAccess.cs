using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>Who may see a summary of which scope, and its free text: one place for the chat command, the refresh and the distribution.</summary>
public static class SummaryAccess
{
    public static bool MaySee(OfficeDirectory directory, Person? person, IReadOnlySet<RespondentRole> roles, SummaryScope scope) => scope.Level switch
    {
        ScopeLevel.Area => AccessPolicy.MaySeeArea(roles),
        ScopeLevel.Group => directory.Group(scope.GroupNumber!.Value) is { } group && AccessPolicy.MaySeeGroup(person, roles, group),
        _ => directory.School(scope.Key!) is { } school && AccessPolicy.MaySeeSchool(person, roles, school),
    };

    /// <summary>Free-text answers go only to the form's readers (its settings), never to a channel.</summary>
    public static bool MaySeeTexts(FormDefinition form, IReadOnlySet<RespondentRole> roles) => roles.Any(form.CanBeReadBy);

    /// <summary>The widest scope a person may see when they name none: the area, their group, or their school.</summary>
    public static SummaryScope? Widest(OfficeDirectory directory, Person? person, IReadOnlySet<RespondentRole> roles, string? campaign)
    {
        if (AccessPolicy.MaySeeArea(roles))
        {
            return SummaryScope.Area(campaign);
        }
        foreach (var number in person?.GroupNumbers ?? [])
        {
            if (MaySee(directory, person, roles, SummaryScope.Group(number, campaign)))
            {
                return SummaryScope.Group(number, campaign);
            }
        }
        return person?.SchoolCode is { } code && MaySee(directory, person, roles, SummaryScope.School(code, campaign))
            ? SummaryScope.School(code, campaign)
            : null;
    }

    /// <summary>Invited recipients within a scope, from the campaign's counts per school.</summary>
    public static long? Invited(CampaignFacts? campaign, OfficeDirectory directory, SummaryScope scope) => campaign is null ? null : scope.Level switch
    {
        ScopeLevel.Area => campaign.InvitedTotal,
        ScopeLevel.Group => campaign.InvitedBySchool.Where(p => directory.School(p.Key)?.GroupNumber == scope.GroupNumber).Sum(p => p.Value),
        _ => campaign.InvitedBySchool.GetValueOrDefault(scope.Key!),
    };
}
