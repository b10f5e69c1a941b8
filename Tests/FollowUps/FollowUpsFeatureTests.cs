using System.Text.Json.Nodes;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.FollowUps.FollowUpFixtures;

namespace SupervisionBot.Tests.FollowUps;

/// <summary>"ติดตามงาน" and the check-off button through the real router, for the roles that may and may not.</summary>
public sealed class FollowUpsFeatureTests
{
    private readonly InMemoryFollowUps _store = new();

    private async Task<FormDesk> DeskAsync(string aad, params RespondentRole[] roles)
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        await _store.AddAsync(FollowUpExtraction.From(FormDesk.Catalogue.Find("administration-supervision")!, AdministrationVisit(), Office), CancellationToken.None);
        var feature = new FollowUpsFeature(_store, new FixedDirectory(Office), time);
        return new FormDesk(time, roles: new FixedRoles(roles), features: [feature], prefaces: [feature]) { User = new Participant("29:" + aad, aad, aad) };
    }

    [Fact]
    public async Task A_director_sees_their_schools_open_actions_and_checks_one_off()
    {
        var desk = await DeskAsync("aad-director", RespondentRole.Director);

        await desk.SayAsync("ติดตามงาน");
        Assert.Contains("โรงเรียนบ้านสวน", FormDesk.Text(desk.Card!));
        Assert.Contains("ค้างอยู่ 3 เรื่อง", FormDesk.Text(desk.Card!));

        await desk.PressAsync(CardVerbs.FollowUpDone);

        Assert.Contains("ค้างอยู่ 2 เรื่อง", FormDesk.Text(desk.Card!));
        Assert.Equal(FollowUpStatus.Done, (await _store.ListAsync(FollowUpScope.School(SchoolCode), CancellationToken.None))[^1].Status);
    }

    [Fact]
    public async Task A_teacher_or_another_schools_director_is_refused_politely_and_nothing_changes()
    {
        var teacher = await DeskAsync("aad-teacher", RespondentRole.Teacher);
        await teacher.SayAsync($"ติดตามงาน {SchoolCode}");
        Assert.Contains("ไม่มีสิทธิ์", FormDesk.Text(teacher.Card!));

        var other = await DeskAsync("aad-other", RespondentRole.Director);
        var action = (await _store.ListAsync(FollowUpScope.School(SchoolCode), CancellationToken.None))[0];
        await other.ActAsync(CardVerbs.FollowUpDone, new JsonObject { [FollowUpCards.ScopeKey] = action.Scope.Key, [FollowUpCards.IdKey] = action.Id });
        Assert.Contains("ขออภัย", FormDesk.Text(other.Card!));
        Assert.All(await _store.ListAsync(FollowUpScope.School(SchoolCode), CancellationToken.None), a => Assert.Equal(FollowUpStatus.Open, a.Status));
    }

    [Fact]
    public async Task A_group_chair_names_their_group_in_english_and_a_supervisor_asks_for_an_unknown_school()
    {
        var chair = await DeskAsync("aad-chair", RespondentRole.GroupChair);
        chair.Language = SupervisionBot.Cards.Language.English;
        await chair.SayAsync("follow-ups group 2");
        Assert.Contains("Follow-up actions: School group 2", FormDesk.Text(chair.Card!));

        var supervisor = await DeskAsync("aad-supervisor", RespondentRole.Supervisor);
        await supervisor.SayAsync("ติดตามงาน 99999999");
        Assert.Contains("โปรดระบุรหัสโรงเรียน", FormDesk.Text(supervisor.Card!));
    }

    [Fact]
    public async Task Starting_the_next_visit_checklist_for_the_school_first_shows_its_open_actions()
    {
        var desk = await DeskAsync("aad-supervisor", RespondentRole.Supervisor);
        var start = new JsonObject
        {
            [FormActionData.FormId] = "iqa-follow-up",
            [FormActionData.Prefill] = new JsonObject { ["school"] = SchoolCode },
        };

        var result = await desk.ActAsync(CardVerbs.FormStart, start);

        Assert.Equal(2, result.Messages.Count);
        Assert.Contains("ก่อนเริ่มนิเทศ", FormDesk.Text(result.Messages[0].Card!));
        Assert.Contains("ทบทวนหลักสูตรสถานศึกษา", FormDesk.Text(result.Messages[0].Card!));
        Assert.Contains("ส่วนที่ 1/", FormDesk.Text(result.Messages[1].Card!));
    }

    private sealed class InMemoryFollowUps : IFollowUpStore
    {
        private readonly List<FollowUpAction> _actions = [];

        public Task<int> AddAsync(IReadOnlyCollection<FollowUpAction> actions, CancellationToken cancellationToken)
        {
            var added = actions.Where(a => _actions.TrueForAll(b => b.Id != a.Id)).ToList();
            _actions.AddRange(added);
            return Task.FromResult(added.Count);
        }

        public Task<FollowUpAction?> GetAsync(FollowUpScope scope, string id, CancellationToken cancellationToken) =>
            Task.FromResult(_actions.FirstOrDefault(a => a.Scope == scope && a.Id == id));

        public Task<bool> MarkDoneAsync(FollowUpScope scope, string id, string doneBy, DateTimeOffset at, CancellationToken cancellationToken)
        {
            var index = _actions.FindIndex(a => a.Scope == scope && a.Id == id && a.Status == FollowUpStatus.Open);
            if (index >= 0)
            {
                _actions[index] = _actions[index] with { Status = FollowUpStatus.Done, DoneBy = doneBy, DoneUtc = at };
            }
            return Task.FromResult(index >= 0);
        }

        public Task<IReadOnlyList<FollowUpAction>> ListAsync(FollowUpScope scope, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FollowUpAction>>([.. _actions.Where(a => a.Scope == scope).OrderBy(a => a.Status).ThenBy(a => a.DueDate)]);

        public Task RecordMeetingAsync(int groupNumber, Dialogs.Calendar.SchoolTerm term, string reference, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> CountMeetingsAsync(int groupNumber, Dialogs.Calendar.SchoolTerm term, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
