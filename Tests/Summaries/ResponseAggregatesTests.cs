using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Statistics;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Summaries;

/// <summary>
/// Aggregates beside the responses, against a real Azurite: a response and its count are one write,
/// updates are never lost between instances and never counted twice, and a summary reads rows by key.
/// </summary>
public sealed class ResponseAggregatesTests : IAsyncLifetime
{
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(ResponseAggregatesTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One bot instance's store, with its own cache of rows and ETags.</summary>
    private TableResponseStore Instance(TableResponseAggregates? aggregates = null, TimeProvider? time = null)
    {
        aggregates ??= Aggregates(_tables);
        return new TableResponseStore(_tables, new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), time ?? TimeProvider.System, aggregates), aggregates);
    }

    private static async Task<ScopeAggregate> ReadAsync(TableResponseAggregates aggregates, FormDefinition form, SummaryScope scope) =>
        ScopeAggregate.Merge(form, (await aggregates.ReadPlacesAsync(form, scope.Campaign, scope.Contains, CancellationToken.None)).Where(p => scope.Contains(p.Place)).Select(p => p.Aggregate));

    [Fact]
    public async Task Two_instances_racing_on_the_same_rows_lose_no_update()
    {
        var first = Instance();
        var second = Instance();
        var responses = Enumerable.Range(0, 40).Select(i => NeedsResponse(i % 2 == 0 ? "1010" : "1011", 1 + i % 5, 5)).ToArray();
        await Task.WhenAll(responses.Select((response, i) => Task.Run(() =>
            (i % 2 == 0 ? first : second).SaveOnceAsync("r" + i, "aad-dir1010", response, CancellationToken.None))));

        var expected = new FormSummary(Needs);
        foreach (var response in responses)
        {
            expected.Add(response);
        }
        var aggregates = Aggregates(_tables);
        var area = (await ReadAsync(aggregates, Needs, SummaryScope.Area())).Summary(Needs);
        Assert.Equal(40, area.Respondents);
        Assert.Equal(expected.Overall("current").Sum, area.Overall("current").Sum);
        Assert.Equal(expected.Overall("current").SumOfSquares, area.Overall("current").SumOfSquares);
        Assert.Equal(20, (await ReadAsync(aggregates, Needs, SummaryScope.School("1010"))).Totals.Respondents);
        Assert.Equal(20, (await ReadAsync(aggregates, Needs, SummaryScope.School("1011"))).Totals.Respondents);
        Assert.Equal(40, (await ReadAsync(aggregates, Needs, SummaryScope.Group(1))).Totals.Respondents);
    }

    [Fact]
    public async Task Saves_to_one_school_at_once_in_one_instance_take_turns_and_never_retry()
    {
        var store = Instance();
        await store.SaveOnceAsync("turn-warm", "aad-dir1010", NeedsResponse("1010", 3, 5), CancellationToken.None);

        using var calls = StorageCalls.Count();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => store.SaveOnceAsync("turn-" + i, "aad-dir1010", NeedsResponse("1010", 1 + i % 5, 5), CancellationToken.None))));

        // One transaction each: no ETag conflict, so no second attempt and no read of the row.
        Assert.Equal(30, calls.All.Count);
        Assert.All(calls.All, call => Assert.Equal(StorageCallKind.Batch, call.Kind));
        Assert.Equal(31, (await ReadAsync(Aggregates(_tables), Needs, SummaryScope.School("1010"))).Totals.Respondents);
    }

    [Fact]
    public async Task A_submit_saved_again_by_either_instance_is_stored_and_counted_once()
    {
        var first = Instance();
        var second = Instance();
        var response = NeedsResponse("2020", 2, 4, "อยากได้วิทยากรเรื่อง PLC");
        await first.SaveOnceAsync("same", "aad-dir2020", response, CancellationToken.None);
        var again = await Task.WhenAll(
            first.SaveOnceAsync("same", "aad-dir2020", response, CancellationToken.None),
            second.SaveOnceAsync("same", "aad-dir2020", response, CancellationToken.None),
            second.SaveOnceAsync("same", "aad-dir2020", response, CancellationToken.None));

        Assert.All(again, stored => Assert.Equal(response.ReferenceNumber, stored.ReferenceNumber));
        var group = await ReadAsync(Aggregates(_tables), Needs, SummaryScope.Group(2));
        Assert.Equal(1, group.Totals.Respondents);
        Assert.Equal([1, 2, 4], group.Totals.Scaled["curriculum-current"]);
        Assert.Equal(["อยากได้วิทยากรเรื่อง PLC"], group.Texts["suggestions"].Select(t => t.Text));
    }

    [Fact]
    public async Task A_response_and_its_count_are_one_transaction_and_a_summary_reads_rows_by_key_only()
    {
        var aggregates = Aggregates(_tables);
        var store = Instance(aggregates);
        await store.SaveOnceAsync("warm", "aad-dir1011", NeedsResponse("1011", 3, 5), CancellationToken.None);

        using (var calls = StorageCalls.Count())
        {
            await store.SaveOnceAsync("next", "aad-dir1011", NeedsResponse("1011", 4, 5), CancellationToken.None);
            // The instance wrote the school's row last, so it neither reads it nor writes anything else.
            Assert.Single(calls.All);
            Assert.Equal(StorageCallKind.Batch, calls.All[0].Kind);
        }
        using (var calls = StorageCalls.Count())
        {
            var places = await Aggregates(_tables).ReadPlacesAsync(Needs, null, _ => true, CancellationToken.None);
            Assert.Equal(new ResponsePlace("1011", 1), Assert.Single(places).Place);
            Assert.Equal(2, places[0].Aggregate.Totals.Respondents);
            Assert.All(calls.All, call => Assert.Equal(StorageCallKind.PointRead, call.Kind));
        }
    }

    [Fact]
    public async Task A_schools_summary_reads_the_list_of_places_and_that_schools_row_whatever_the_other_schools()
    {
        var store = Instance();
        foreach (var school in new[] { "1010", "1011", "2020", "2021" })
        {
            await store.SaveOnceAsync("s-" + school, "aad-dir" + school, NeedsResponse(school, 3, 5), CancellationToken.None);
        }
        var reader = new SummaryReader(Aggregates(_tables), Catalogue, new FixedDirectory(Office));

        using var calls = StorageCalls.Count();
        var results = await reader.ReadAsync(new SummaryRequest(Needs.Id, SummaryScope.School("2020")), null, false, SupervisionBot.Cards.Language.Thai, CancellationToken.None);

        Assert.Equal(1, results!.Respondents);
        Assert.Equal(2, calls.All.Count);
        Assert.All(calls.All, call => Assert.Equal(StorageCallKind.PointRead, call.Kind));
    }

    [Fact]
    public async Task A_response_from_a_campaign_counts_in_the_campaign_and_in_the_form_overall()
    {
        var store = Instance();
        await store.SaveOnceAsync("c-1", "aad-x", NeedsResponse("2021", 3, 5) with { Link = new("campaign-7", null) }, CancellationToken.None);
        await store.SaveOnceAsync("c-2", "aad-x", NeedsResponse("2021", 1, 5), CancellationToken.None);

        var aggregates = Aggregates(_tables);
        Assert.Equal(1, (await ReadAsync(aggregates, Needs, SummaryScope.Area("campaign-7"))).Totals.Respondents);
        Assert.Equal(1, (await ReadAsync(aggregates, Needs, SummaryScope.School("2021", "campaign-7"))).Totals.Respondents);
        Assert.Equal(2, (await ReadAsync(aggregates, Needs, SummaryScope.School("2021"))).Totals.Respondents);
        Assert.Equal(new ResponsePlace("2021", 2), Assert.Single(await aggregates.ReadPlacesAsync(Needs, "campaign-7", _ => true, CancellationToken.None)).Place);
    }

    [Fact]
    public async Task A_response_with_no_school_counts_in_its_group_and_the_area_but_under_no_school()
    {
        var store = Instance();
        var groupOnly = NeedsResponse("ไม่ระบุ", 2, 5, respondent: "aad-unknown");
        groupOnly = groupOnly with { Answers = groupOnly.Answers.With("school-group", "2") };
        await store.SaveOnceAsync("g-1", "aad-unknown", groupOnly, CancellationToken.None);
        await store.SaveOnceAsync("g-2", "aad-dir2020", NeedsResponse("2020", 4, 5), CancellationToken.None);

        var aggregates = Aggregates(_tables);
        Assert.Equal(2, (await ReadAsync(aggregates, Needs, SummaryScope.Area())).Totals.Respondents);
        Assert.Equal(2, (await ReadAsync(aggregates, Needs, SummaryScope.Group(2))).Totals.Respondents);
        Assert.Equal(1, (await ReadAsync(aggregates, Needs, SummaryScope.School("2020"))).Totals.Respondents);
        Assert.Contains(new ResponsePlace(null, 2), (await aggregates.ReadPlacesAsync(Needs, null, _ => true, CancellationToken.None)).Select(p => p.Place));
    }

    [Fact]
    public async Task The_export_lists_the_responses_and_none_of_the_aggregate_rows_beside_them()
    {
        var store = Instance();
        await store.SaveOnceAsync("e-1", "aad-dir1010", NeedsResponse("1010", 3, 5), CancellationToken.None);
        var filter = SupervisionBot.Bot.Export.ResponseExport.QueryFilter(new SupervisionBot.Dialogs.Export.ExportFilter(Needs.Id, null, null, null, null, null));

        var rows = _tables.Responses.Query<TableEntity>(filter).Select(e => e.RowKey).ToList();

        Assert.Equal(["e-1"], rows);
        Assert.Contains(_tables.Responses.Query<TableEntity>().ToList(), e => TableResponseAggregates.IsAggregateRow(e.RowKey));
    }

    [Fact]
    public async Task Anonymous_responses_are_counted_when_released_and_once_when_a_crash_releases_them_again()
    {
        var aggregates = Aggregates(_tables);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var store = Instance(aggregates, time);
        var queue = new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), time, aggregates);
        for (var i = 0; i < 5; i++)
        {
            await store.SaveOnceAsync("anon-" + i, "aad-t" + i, SatisfactionResponse(4 + i % 2), CancellationToken.None);
        }
        Assert.Equal(0, (await ReadAsync(aggregates, Satisfaction, SummaryScope.Area())).Totals.Respondents);
        var waiting = _tables.PendingResponses.Query<TableEntity>().ToList();

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(5, await queue.ReleaseDueAsync(CancellationToken.None));
        Assert.Equal(0, await queue.ReleaseDueAsync(CancellationToken.None));
        // A crash after the inserts and before the waiting rows were deleted: they are released again.
        await TableBatches.SubmitAsync(_tables.PendingResponses, waiting.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), CancellationToken.None);
        Assert.Equal(5, await queue.ReleaseDueAsync(CancellationToken.None));

        var area = (await ReadAsync(Aggregates(_tables), Satisfaction, SummaryScope.Area())).Summary(Satisfaction);
        Assert.Equal(5, area.Respondents);
        Assert.Equal(4 + 5 + 4 + 5 + 4, area.Item("expertise").Sum);
        Assert.Equal(5, _tables.Responses.Query<TableEntity>(e => e.PartitionKey == Satisfaction.Id).Count(e => !TableResponseAggregates.IsAggregateRow(e.RowKey)));
    }
}
