using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Timeline;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.FollowUps;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Timeline;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.FollowUps;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.FollowUps.FollowUpFixtures;

namespace SupervisionBot.Tests.Timeline;

public sealed class SchoolTimelineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(SchoolTimelineTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<FormDesk> DeskAsync(string aad, RespondentRole role, int surveys = 1)
    {
        var history = new TableSchoolHistory(_tables);
        var recorder = new SchoolHistoryRecorder(history);
        for (var i = 0; i < surveys; i++)
        {
            var survey = new FormResponse("school-administration-needs", 2, $"NDS-6911{i:D2}-AAAAAA", FormAnswers.From([new("school", SchoolCode)]), Now.AddDays(-40 - i), "aad-director");
            await recorder.SubmittedAsync(survey, "aad-director", CancellationToken.None);
            await recorder.SubmittedAsync(survey, "aad-director", CancellationToken.None);
        }
        // An anonymous response is never listed one by one.
        await recorder.SubmittedAsync(new FormResponse("supervision-satisfaction", 2, "SAT-1", FormAnswers.From([new("school", SchoolCode)]), Now, null), null, CancellationToken.None);
        var followUps = new Bot.FollowUps.TableFollowUpStore(_tables);
        await followUps.AddAsync(FollowUpExtraction.From(FormDesk.Catalogue.Find("administration-supervision")!, AdministrationVisit() with { SubmittedUtc = Now.AddDays(-6) }, Office), CancellationToken.None);
        var visits = new OneVisit(new Visit
        {
            Id = "visit-9", SchoolCode = SchoolCode, StartUtc = Now.AddDays(-6).AddHours(-1), EndUtc = Now.AddDays(-6), SupervisorEmail = "supervisor@office.test",
            ChecklistFormId = "administration-supervision", Status = VisitStatus.Completed,
        });
        var time = new ManualTimeProvider(Now);
        var timeline = new SchoolTimeline(history, followUps, FormDesk.Catalogue, time, visits);
        var feature = new TimelineFeature(timeline, new FixedDirectory(Office));
        return new FormDesk(time, roles: new FixedRoles(role), features: [feature]) { User = new Participant("29:" + aad, aad, aad) };
    }

    [Fact]
    public async Task A_director_sees_surveys_the_visit_and_its_follow_ups_newest_first_and_no_anonymous_answer()
    {
        var desk = await DeskAsync("aad-director", RespondentRole.Director);

        await desk.SayAsync("ไทม์ไลน์");

        var text = FormDesk.Text(desk.Card!);
        Assert.Contains("ไทม์ไลน์: โรงเรียนบ้านสวน", text);
        var followUp = text.IndexOf("งานที่ต้องติดตาม: ทบทวนหลักสูตรสถานศึกษา", StringComparison.Ordinal);
        var visit = text.IndexOf("การนิเทศ (เสร็จสิ้น)", StringComparison.Ordinal);
        var survey = text.IndexOf("NDS-691100-AAAAAA", StringComparison.Ordinal);
        Assert.True(followUp >= 0 && visit > followUp && survey > visit, text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "NDS-691100-AAAAAA"));
        Assert.DoesNotContain("SAT-1", text);
        Assert.Contains("2569", text);
    }

    [Fact]
    public async Task A_long_timeline_is_paged_ten_at_a_time()
    {
        var desk = await DeskAsync("aad-supervisor", RespondentRole.Supervisor, surveys: 20);

        await desk.SayAsync($"timeline {SchoolCode}");
        Assert.Contains("หน้า 1/3", FormDesk.Text(desk.Card!));

        await desk.PressAsync(CardVerbs.TimelinePage);
        Assert.Contains("หน้า 2/3", FormDesk.Text(desk.Card!));
        Assert.Contains("ใหม่กว่า", FormDesk.Text(desk.Card!));
    }

    [Fact]
    public async Task A_teacher_is_refused_politely()
    {
        var desk = await DeskAsync("aad-teacher", RespondentRole.Teacher);

        await desk.SayAsync($"ไทม์ไลน์ {SchoolCode}");

        Assert.Contains("ขออภัย", FormDesk.Text(desk.Card!));
        Assert.DoesNotContain("NDS-", FormDesk.Text(desk.Card!));
    }

    private sealed class OneVisit(Visit visit) : IVisitStore
    {
        public Task<StoredVisit?> GetAsync(string visitId, CancellationToken cancellationToken) => Task.FromResult<StoredVisit?>(visitId == visit.Id ? new StoredVisit(visit, "e") : null);

        public Task AddAsync(IReadOnlyCollection<Visit> visits, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryUpdateAsync(Visit updated, string etag, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Visit>> BySupervisorAsync(string supervisorEmail, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Visit>> BySchoolAsync(string schoolCode, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Visit>>(schoolCode == visit.SchoolCode && visit.StartUtc >= fromUtc && visit.StartUtc < toUtc ? [visit] : []);
    }
}
