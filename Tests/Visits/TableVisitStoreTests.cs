using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Bot.Visits;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Visits;

/// <summary>The visit store against a real Azurite: ids, ETags and the two lists without a scan.</summary>
public sealed class TableVisitStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private SupervisionTables _tables = null!;
    private TableVisitStore _store = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(TableVisitStoreTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
        _store = new TableVisitStore(_tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal static Visit NewVisit(string id, DateTimeOffset start, string supervisor = "sn.a@sesao1.go.th", string school = "S0001") => new()
    {
        Id = id,
        SchoolCode = school,
        StartUtc = start,
        EndUtc = start.AddHours(2),
        SupervisorEmail = supervisor,
        ChecklistFormId = "classroom-observation",
        Purpose = "นิเทศการจัดการเรียนรู้เชิงรุก, ม.2",
        Mode = VisitMode.Blended,
        TeacherEmails = ["t1@school-a.example.ac.th", "t2@school-a.example.ac.th"],
    };

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_visit_reads_back_whole_and_adding_it_again_changes_nothing()
    {
        var visit = NewVisit("v-1", Monday);
        await _store.AddAsync([visit], None);
        var first = await _store.GetAsync("v-1", None);

        await _store.AddAsync([visit with { Purpose = "อื่น" }], None);

        var again = await _store.GetAsync("v-1", None);
        Assert.NotNull(again);
        Assert.Equal(first!.ETag, again.ETag);
        Assert.Equal(visit with { TeacherEmails = again.Visit.TeacherEmails }, again.Visit);
        Assert.Equal(visit.TeacherEmails, again.Visit.TeacherEmails);
        Assert.Single(await _store.BySupervisorAsync("sn.a@sesao1.go.th", Monday.AddDays(-1), Monday.AddDays(1), None));
        Assert.Null(await _store.GetAsync("v-none", None));
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_refused()
    {
        await _store.AddAsync([NewVisit("v-2", Monday)], None);
        var read = (await _store.GetAsync("v-2", None))!;

        Assert.True(await _store.TryUpdateAsync(read.Visit with { Status = VisitStatus.Reminded }, read.ETag, None));
        Assert.False(await _store.TryUpdateAsync(read.Visit with { Status = VisitStatus.Cancelled }, read.ETag, None));

        var now = (await _store.GetAsync("v-2", None))!;
        Assert.Equal(VisitStatus.Reminded, now.Visit.Status);
        Assert.False(await _store.TryUpdateAsync(NewVisit("v-absent", Monday), now.ETag, None));
    }

    [Fact]
    public async Task Lists_by_supervisor_and_by_school_hold_only_their_range_in_start_order()
    {
        await _store.AddAsync(
        [
            NewVisit("v-late", Monday.AddDays(2)),
            NewVisit("v-early", Monday),
            NewVisit("v-next-week", Monday.AddDays(7)),
            NewVisit("v-other", Monday.AddDays(1), supervisor: "sn.b@sesao1.go.th", school: "S0002"),
            NewVisit("v-same-time", Monday.AddDays(2), supervisor: "sn.b@sesao1.go.th"),
        ], None);

        var week = await _store.BySupervisorAsync("SN.A@sesao1.go.th", Monday.AddDays(-1), Monday.AddDays(6), None);
        Assert.Equal(["v-early", "v-late"], week.Select(v => v.Id));
        var school = await _store.BySchoolAsync("s0001", Monday, Monday.AddDays(8), None);
        Assert.Equal(["v-early", "v-late", "v-same-time", "v-next-week"], school.Select(v => v.Id));
        Assert.Empty(await _store.BySchoolAsync("S0001", Monday.AddDays(8), Monday.AddDays(9), None));
        // The end of the range is excluded, the start included.
        Assert.Equal(["v-early"], (await _store.BySchoolAsync("S0001", Monday, Monday.AddDays(2), None)).Select(v => v.Id));
    }

    [Fact]
    public async Task A_moved_visit_is_listed_at_its_new_time_only_and_a_left_over_pointer_is_ignored()
    {
        await _store.AddAsync([NewVisit("v-move", Monday)], None);
        var read = (await _store.GetAsync("v-move", None))!;

        Assert.True(await _store.TryUpdateAsync(read.Visit with { StartUtc = Monday.AddDays(3), EndUtc = Monday.AddDays(3).AddHours(1), SupervisorEmail = "sn.b@sesao1.go.th" }, read.ETag, None));

        Assert.Empty(await _store.BySupervisorAsync("sn.a@sesao1.go.th", Monday.AddDays(-1), Monday.AddDays(7), None));
        Assert.Equal(["v-move"], (await _store.BySupervisorAsync("sn.b@sesao1.go.th", Monday.AddDays(-1), Monday.AddDays(7), None)).Select(v => v.Id));
        Assert.Equal([Monday.AddDays(3)], (await _store.BySchoolAsync("S0001", Monday.AddDays(-1), Monday.AddDays(7), None)).Select(v => v.StartUtc));

        // What a crash between the pointer and the visit would leave: a pointer to a visit elsewhere, and one to no visit.
        await _tables.Visits.UpsertEntityAsync(new TableEntity("sup|sn.a@sesao1.go.th", "20261123T020000Z|v-move") { ["VisitId"] = "v-move" });
        await _tables.Visits.UpsertEntityAsync(new TableEntity("sup|sn.a@sesao1.go.th", "20261124T020000Z|v-never") { ["VisitId"] = "v-never" });
        Assert.Empty(await _store.BySupervisorAsync("sn.a@sesao1.go.th", Monday.AddDays(-1), Monday.AddDays(7), None));
    }

    [Fact]
    public async Task Many_visits_of_one_supervisor_are_added_in_batches_azure_accepts_and_all_listed()
    {
        var visits = Enumerable.Range(0, 250).Select(i => NewVisit($"v-bulk-{i:D3}", Monday.AddHours(i), school: $"S{i % 3:D4}")).ToList();

        await _store.AddAsync(visits, None);

        var listed = await _store.BySupervisorAsync("sn.a@sesao1.go.th", Monday, Monday.AddDays(30), None);
        Assert.Equal(visits.Select(v => v.Id), listed.Select(v => v.Id));
    }
}
