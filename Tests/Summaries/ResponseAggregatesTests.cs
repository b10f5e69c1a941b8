using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Statistics;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Summaries;

/// <summary>The Aggregates table against a real Azurite: updates are never lost between instances and never counted twice.</summary>
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

    [Fact]
    public async Task Two_instances_racing_on_the_same_rows_lose_no_update()
    {
        // Two bot instances, each with its own cache of rows and ETags, write the same area, group and school rows at once.
        var first = Aggregates(_tables);
        var second = Aggregates(_tables);
        var responses = Enumerable.Range(0, 40).Select(i => NeedsResponse(i % 2 == 0 ? "1010" : "1011", 1 + i % 5, 5)).ToArray();
        await Task.WhenAll(responses.Select((response, i) => Task.Run(() =>
            (i % 2 == 0 ? first : second).RecordAsync("r" + i, response, CancellationToken.None))));

        var expected = new FormSummary(Needs);
        foreach (var response in responses)
        {
            expected.Add(response);
        }
        var area = (await Aggregates(_tables).ReadAsync(Needs, SummaryScope.Area(), CancellationToken.None)).Summary(Needs);
        Assert.Equal(40, area.Respondents);
        Assert.Equal(expected.Overall("current").Sum, area.Overall("current").Sum);
        Assert.Equal(expected.Overall("current").SumOfSquares, area.Overall("current").SumOfSquares);
        Assert.Equal(20, (await first.ReadAsync(Needs, SummaryScope.School("1010"), CancellationToken.None)).Totals.Respondents);
        Assert.Equal(20, (await second.ReadAsync(Needs, SummaryScope.School("1011"), CancellationToken.None)).Totals.Respondents);
        Assert.Equal(40, (await second.ReadAsync(Needs, SummaryScope.Group(1), CancellationToken.None)).Totals.Respondents);
    }

    [Fact]
    public async Task A_response_recorded_again_by_either_instance_is_counted_once()
    {
        var first = Aggregates(_tables);
        var second = Aggregates(_tables);
        var response = NeedsResponse("2020", 2, 4);
        await first.RecordAsync("same", response, CancellationToken.None);
        await Task.WhenAll(
            first.RecordAsync("same", response, CancellationToken.None),
            second.RecordAsync("same", response, CancellationToken.None),
            second.RecordAsync("same", response, CancellationToken.None));

        var group = await first.ReadAsync(Needs, SummaryScope.Group(2), CancellationToken.None);
        Assert.Equal(1, group.Totals.Respondents);
        Assert.Equal([1, 2, 4], group.Totals.Scaled["curriculum-current"]);
    }

    [Fact]
    public async Task A_named_response_is_counted_when_saved_and_once_when_the_submit_is_redelivered()
    {
        var aggregates = Aggregates(_tables);
        var store = new TableResponseStore(_tables, new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), TimeProvider.System), aggregates);
        var response = NeedsResponse("1011", 3, 5, "อยากได้วิทยากรเรื่อง PLC");
        await store.SaveOnceAsync("session-1", "aad-dir1011", response, CancellationToken.None);
        await store.SaveOnceAsync("session-1", "aad-dir1011", response, CancellationToken.None);

        var school = await aggregates.ReadAsync(Needs, SummaryScope.School("1011"), CancellationToken.None);
        Assert.Equal(1, school.Totals.Respondents);
        Assert.Equal(["อยากได้วิทยากรเรื่อง PLC"], school.Texts["suggestions"]);
        var schools = await aggregates.ReadLevelAsync(Needs, ScopeLevel.School, null, CancellationToken.None);
        Assert.Equal(SummaryScope.School("1011"), Assert.Single(schools).Scope);
    }

    [Fact]
    public async Task A_response_from_a_campaign_counts_in_the_campaign_and_in_the_form_overall()
    {
        var aggregates = Aggregates(_tables);
        await aggregates.RecordAsync("c-1", NeedsResponse("2021", 3, 5) with { Link = new("campaign-7", null) }, CancellationToken.None);
        await aggregates.RecordAsync("c-2", NeedsResponse("2021", 1, 5), CancellationToken.None);

        Assert.Equal(1, (await aggregates.ReadAsync(Needs, SummaryScope.Area("campaign-7"), CancellationToken.None)).Totals.Respondents);
        Assert.Equal(1, (await aggregates.ReadAsync(Needs, SummaryScope.School("2021", "campaign-7"), CancellationToken.None)).Totals.Respondents);
        Assert.Equal(2, (await aggregates.ReadAsync(Needs, SummaryScope.School("2021"), CancellationToken.None)).Totals.Respondents);
        Assert.Equal(SummaryScope.Group(2, "campaign-7"), Assert.Single(await aggregates.ReadLevelAsync(Needs, ScopeLevel.Group, "campaign-7", CancellationToken.None)).Scope);
    }

    [Fact]
    public async Task Anonymous_responses_are_counted_when_released_not_when_submitted_and_once_per_release()
    {
        var aggregates = Aggregates(_tables);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var queue = new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), time, aggregates);
        var store = new TableResponseStore(_tables, queue, aggregates);
        for (var i = 0; i < 5; i++)
        {
            await store.SaveOnceAsync("anon-" + i, "aad-t" + i, SatisfactionResponse(4 + i % 2), CancellationToken.None);
        }
        Assert.Equal(0, (await aggregates.ReadAsync(Satisfaction, SummaryScope.Area(), CancellationToken.None)).Totals.Respondents);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(5, await queue.ReleaseDueAsync(CancellationToken.None));
        Assert.Equal(0, await queue.ReleaseDueAsync(CancellationToken.None));
        var area = (await aggregates.ReadAsync(Satisfaction, SummaryScope.Area(), CancellationToken.None)).Summary(Satisfaction);
        Assert.Equal(5, area.Respondents);
        Assert.Equal(4 + 5 + 4 + 5 + 4, area.Item("expertise").Sum);
    }
}
