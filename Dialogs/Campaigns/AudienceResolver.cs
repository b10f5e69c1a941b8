using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Visits;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// One person an audience names. <see cref="Unreachable"/> says why they cannot get a chat
/// message (no AAD object id, not in the directory); they stay on the list so the owner sees them.
/// </summary>
public sealed record AudienceMember(string Email, string DisplayName, string? AadObjectId, string? SchoolCode, IReadOnlySet<RespondentRole> Roles, LocalizedText? Unreachable);

/// <summary>Who an audience is, or why it could not be worked out.</summary>
public sealed record ResolvedAudience(IReadOnlyList<AudienceMember> Members, AudienceError? Error)
{
    public int Reachable => Members.Count(m => m.Unreachable is null);
}

/// <summary>
/// Works out who an <see cref="AudienceSpec"/> names in the current directory. A person is in
/// <c>group:n</c> when their school is in group n or the directory assigns them to it (supervisors,
/// chairs); in <c>centre:code</c> when they are the centre's chair or their learning areas include
/// the centre's (the centre's network across the area; add <c>group:</c> or <c>school:</c> to narrow it);
/// in <c>visits:id</c> when they are a teacher observed at that visit.
/// </summary>
public sealed class AudienceResolver(IOfficeDirectorySource directory, IVisitStore visits)
{
    public static readonly LocalizedText NoAadObjectId = new(
        "ไม่มีบัญชี Teams (AAD object id) ในทำเนียบบุคลากร จึงส่งข้อความทางแชตไม่ได้",
        "no Teams account (AAD object id) in the directory, so no chat message can reach them");

    public static readonly LocalizedText NotInDirectory = new(
        "ไม่มีในทำเนียบบุคลากร จึงส่งข้อความทางแชตไม่ได้",
        "not in the directory, so no chat message can reach them");

    public async Task<ResolvedAudience> ResolveAsync(AudienceSpec spec, CancellationToken cancellationToken)
    {
        var office = await directory.CurrentAsync(cancellationToken);
        HashSet<string>? chosen = null;
        foreach (var clause in spec.Clauses)
        {
            var any = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var term in clause.Terms)
            {
                var (emails, error) = await EmailsAsync(office, term, cancellationToken);
                if (error is not null)
                {
                    return new ResolvedAudience([], error);
                }
                any.UnionWith(emails);
            }
            if (chosen is null)
            {
                chosen = any;
            }
            else
            {
                chosen.IntersectWith(any);
            }
        }
        var members = (chosen ?? []).Order(StringComparer.OrdinalIgnoreCase).Select(email => office.PersonByEmail(email) is { } person
            ? new AudienceMember(person.Email, person.DisplayName, person.AadObjectId, person.SchoolCode, person.Roles, person.AadObjectId is null ? NoAadObjectId : null)
            : new AudienceMember(email.ToLowerInvariant(), email, null, null, new HashSet<RespondentRole>(), NotInDirectory));
        return new ResolvedAudience(members.ToList(), null);
    }

    private async Task<(IEnumerable<string> Emails, AudienceError? Error)> EmailsAsync(OfficeDirectory office, AudienceTerm term, CancellationToken cancellationToken)
    {
        var people = office.People;
        switch (term.Kind)
        {
            case AudienceKind.Group:
                var number = int.Parse(term.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (office.Group(number) is null)
                {
                    return ([], Unknown(term, "ไม่มีกลุ่มโรงเรียนที่", "there is no school group"));
                }
                return (people.Where(p => p.GroupNumbers.Contains(number) || (p.SchoolCode is { } code && office.School(code)?.GroupNumber == number)).Select(p => p.Email), null);
            case AudienceKind.School:
                return office.School(term.Value) is { } school
                    ? (people.Where(p => string.Equals(p.SchoolCode, school.Code, StringComparison.OrdinalIgnoreCase)).Select(p => p.Email), null)
                    : ([], Unknown(term, "ไม่มีโรงเรียนรหัส", "there is no school with code"));
            case AudienceKind.Role:
                var role = AudienceSpec.RoleOf(term.Value)!.Value;
                return (people.Where(p => p.Holds(role)).Select(p => p.Email), null);
            case AudienceKind.Area:
                var area = AudienceSpec.AreaOf(term.Value)!.Code;
                return (people.Where(p => p.LearningAreas.Contains(area, StringComparer.Ordinal)).Select(p => p.Email), null);
            case AudienceKind.Centre:
                if (office.Centre(term.Value) is not { } centre)
                {
                    return ([], Unknown(term, "ไม่มีศูนย์พัฒนาวิชาการรหัส", "there is no academic development centre with code"));
                }
                return (people.Where(p => p.LearningAreas.Contains(centre.LearningArea, StringComparer.Ordinal)
                    || string.Equals(p.Email, centre.ChairEmail, StringComparison.OrdinalIgnoreCase)).Select(p => p.Email), null);
            default:
                if (await visits.GetAsync(term.Value, cancellationToken) is not { } stored)
                {
                    return ([], Unknown(term, "ไม่มีการนิเทศรหัส", "there is no visit with id"));
                }
                return (stored.Visit.TeacherEmails, null);
        }
    }

    private static AudienceError Unknown(AudienceTerm term, string thai, string english) =>
        new(term.Position, new($"{thai} “{term.Value}”", $"{english} “{term.Value}”"));
}
