using System.Globalization;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Routing;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;
using static SupervisionBot.Dialogs.FollowUps.FollowUpCards;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>
/// "ติดตามงาน" / "follow-ups": a school's or a group's actions, with buttons to check them off. A
/// director sees their school, a chair their group, supervisors the schools of their groups, the
/// area-wide roles everything; an action's owner may always check it off.
/// </summary>
public sealed class FollowUpsFeature(IFollowUpStore store, IOfficeDirectorySource directory, TimeProvider time) : ITurnFeature, IFormPreface
{
    public IReadOnlyCollection<CommandKind> Commands => [CommandKind.FollowUps];

    public string VerbPrefix => "followup.";

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var office = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        var language = turn.Language;
        if (ScopeOf(argument, person, office) is not { } scope)
        {
            return Say(language.Pick("งานที่ต้องติดตาม", "Follow-up actions"), language.Pick(
                "โปรดระบุรหัสโรงเรียนหรือกลุ่มโรงเรียน เช่น “ติดตามงาน 10010001” หรือ “ติดตามงาน กลุ่ม 2”",
                "Please name a school code or a school group, e.g. “follow-ups 10010001” or “follow-ups group 2”."));
        }
        if (!MaySee(scope, person, roles, office))
        {
            return Say(language.Pick("งานที่ต้องติดตาม", "Follow-up actions"), language.Pick(
                $"ขออภัย ท่านไม่มีสิทธิ์ดูงานที่ต้องติดตามของ{FollowUpScopes.Title(scope, office, language)} ผู้ที่ดูได้คือผู้อำนวยการสถานศึกษา ประธานกลุ่มโรงเรียน ศึกษานิเทศก์ที่รับผิดชอบ และผู้บริหารของเขตพื้นที่",
                $"Sorry, you may not see the follow-ups of {FollowUpScopes.Title(scope, office, language)}. The school's director, the group's chair, its supervisors and the area's leaders may."));
        }
        var actions = await store.ListAsync(scope, cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(List(FollowUpScopes.Title(scope, office, language), actions, language, canCheckOff: true)));
    }

    public async Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var scopeKey = action.Data[ScopeKey]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)action.Data[ScopeKey] : null;
        var id = action.Data[IdKey]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)action.Data[IdKey] : null;
        if (scopeKey is null || id is null || FollowUpScope.FromKey(scopeKey) is not { } scope
            || await store.GetAsync(scope, id, cancellationToken) is not { } found)
        {
            return Updated(language.Pick("งานที่ต้องติดตาม", "Follow-up actions"), language.Pick("ไม่พบงานนี้แล้ว", "This action no longer exists."));
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var person = turn.User.AadObjectId is { } aad ? office.PersonByAadObjectId(aad) : null;
        var owner = person is not null && string.Equals(found.OwnerEmail, person.Email, StringComparison.OrdinalIgnoreCase);
        if (!owner && !MaySee(scope, person, roles, office))
        {
            return Updated(language.Pick("งานที่ต้องติดตาม", "Follow-up actions"), language.Pick(
                "ขออภัย งานนี้ปิดได้เฉพาะผู้รับผิดชอบ ผู้อำนวยการสถานศึกษา ประธานกลุ่มโรงเรียน หรือศึกษานิเทศก์ที่รับผิดชอบ",
                "Sorry, only its owner, the school's director, the group's chair or its supervisors can check this off."));
        }
        // A second press (or someone else first) finds it done already: show the list as it is now.
        await store.MarkDoneAsync(scope, id, person?.DisplayName ?? turn.User.Name ?? turn.User.Id, time.GetUtcNow(), cancellationToken);
        var actions = await store.ListAsync(scope, cancellationToken);
        return new TurnResult { UpdatedCard = List(FollowUpScopes.Title(scope, office, language), actions, language, canCheckOff: true) };
    }

    /// <summary>Before a visit checklist for a known school: that school's open actions, to check off first.</summary>
    public async Task<AdaptiveCard?> BeforeAsync(Turn turn, FormDefinition form, FormAnswers prefill, CancellationToken cancellationToken)
    {
        if (!FollowUpExtraction.VisitKinds.Contains(form.Kind) || prefill.Get("school") is not { } code)
        {
            return null;
        }
        var scope = FollowUpScope.School(code);
        var open = (await store.ListAsync(scope, cancellationToken)).Where(a => a.Status == FollowUpStatus.Open).ToList();
        if (open.Count == 0)
        {
            return null;
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var language = turn.Language;
        return List(FollowUpScopes.Title(scope, office, language), open, language, canCheckOff: true, language.Pick(
            $"ก่อนเริ่มนิเทศ โปรดตรวจสอบงานที่ค้างจากครั้งก่อน {open.Count} เรื่อง และกด “ดำเนินการแล้ว” สำหรับเรื่องที่เสร็จแล้ว",
            $"Before this visit, check the {open.Count} open action(s) from earlier visits and mark those done."));
    }

    private static FollowUpScope? ScopeOf(string argument, Person? person, OfficeDirectory office)
    {
        var text = ThaiDates.LatinDigits(argument.Trim());
        foreach (var prefix in (string[])["กลุ่ม", "group"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(text[prefix.Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return FollowUpScope.Group(number);
            }
        }
        if (text.Length > 0)
        {
            return office.School(text) is not null ? FollowUpScope.School(text) : null;
        }
        if (person?.SchoolCode is { } school && person.Holds(RespondentRole.Director))
        {
            return FollowUpScope.School(school);
        }
        return person is { GroupNumbers: [var group, ..] } && (person.Holds(RespondentRole.GroupChair) || person.Holds(RespondentRole.GroupViceChair))
            ? FollowUpScope.Group(group)
            : null;
    }

    private static bool MaySee(FollowUpScope scope, Person? person, IReadOnlySet<RespondentRole> roles, OfficeDirectory office) =>
        scope.SchoolCode is { } code
            ? office.School(code) is { } school && AccessPolicy.MaySeeSchool(person, roles, school)
            : office.Group(scope.GroupNumber!.Value) is { } group && AccessPolicy.MaySeeGroup(person, roles, group);

    private static TurnResult Say(string title, string text) => TurnResult.With(OutgoingMessage.Of(Filling.SessionCards.Notice(title, text)));

    private static TurnResult Updated(string title, string text) => new() { UpdatedCard = Filling.SessionCards.Notice(title, text) };
}
