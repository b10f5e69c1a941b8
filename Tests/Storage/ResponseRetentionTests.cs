using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Storage;

/// <summary>The retention purge and the activity-claim cleanup against a real Azurite, on a fake clock.</summary>
public sealed class ResponseRetentionTests : IAsyncLifetime
{
    // supervision-satisfaction keeps responses 2 academic years after the one they were given in.
    private const string Satisfaction = "supervision-satisfaction";
    private static readonly TimeSpan Bangkok = TimeSpan.FromHours(7);

    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(ResponseRetentionTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task AddResponsesAsync(string prefix, int count, DateTimeOffset submitted)
    {
        var rows = Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity(Satisfaction, $"{prefix}-{i:0000}") { ["FormId"] = Satisfaction, ["FormVersion"] = 1, ["SubmittedUtc"] = submitted, ["Answers0"] = "{}" }));
        await TableBatches.SubmitAsync(_tables.Responses, rows, CancellationToken.None);
    }

    private List<string> Remaining() => _tables.Responses.Query<TableEntity>(select: ["RowKey"]).Select(e => e.RowKey[..e.RowKey.IndexOf('-')]).Distinct().Order().ToList();

    [Theory]
    [InlineData("2026-05-16T00:00:00+07:00", "2026-05-16T00:00:00+07:00")]
    [InlineData("2027-05-15T23:59:00+07:00", "2026-05-16T00:00:00+07:00")]
    [InlineData("2026-05-15T16:59:00+00:00", "2025-05-16T00:00:00+07:00")]
    [InlineData("2026-11-30T10:00:00+00:00", "2026-05-16T00:00:00+07:00")]
    public void The_academic_year_starts_on_16_May_in_Bangkok(string instant, string start)
    {
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            AcademicYearRegulation.StartOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Responses_are_purged_when_their_academic_year_and_the_retention_years_after_it_are_over()
    {
        // "late": the last minute of academic year 2568 (15 May 2026, Bangkok); "early": the first of 2569.
        await AddResponsesAsync("late", 250, new DateTimeOffset(2026, 5, 15, 23, 59, 0, Bangkok));
        await AddResponsesAsync("early", 3, new DateTimeOffset(2026, 5, 16, 0, 0, 0, Bangkok));
        var time = new ManualTimeProvider(new DateTimeOffset(2028, 5, 15, 23, 59, 0, Bangkok));
        var retention = new ResponseRetention(_tables, FormDesk.Catalogue, time);

        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        Assert.Equal(["early", "late"], Remaining());

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(250, await retention.PurgeAsync(CancellationToken.None));
        Assert.Equal(["early"], Remaining());

        time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(3, await retention.PurgeAsync(CancellationToken.None));
        Assert.Empty(Remaining());
    }

    [Fact]
    public async Task Markers_and_receipts_go_with_their_responses()
    {
        var registry = new TableRespondentRegistry(_tables);
        await registry.MarkRespondedAsync(Satisfaction, 1, "aad-u", CancellationToken.None);
        await _tables.Receipts.AddEntityAsync(new TableEntity("aad-u", "session-1") { ["FormId"] = Satisfaction, ["SubmittedUtc"] = DateTimeOffset.UtcNow });
        // The marker's date is the store's own write time, which is real time.
        var thisYear = AcademicYearRegulation.StartOf(DateTimeOffset.UtcNow);
        var time = new ManualTimeProvider(thisYear.AddYears(3).AddMinutes(-1));
        var retention = new ResponseRetention(_tables, FormDesk.Catalogue, time);

        Assert.Equal(0, await retention.PurgeAsync(CancellationToken.None));
        Assert.True(await registry.HasRespondedAsync(Satisfaction, 1, "aad-u", CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await retention.PurgeAsync(CancellationToken.None));
        Assert.False(await registry.HasRespondedAsync(Satisfaction, 1, "aad-u", CancellationToken.None));
        Assert.Empty(_tables.Receipts.Query<TableEntity>().ToList());
    }

    [Fact]
    public async Task Two_instances_purging_at_once_delete_everything_due_and_nothing_else()
    {
        await AddResponsesAsync("late", 150, new DateTimeOffset(2026, 5, 1, 9, 0, 0, Bangkok));
        await AddResponsesAsync("early", 2, new DateTimeOffset(2026, 6, 1, 9, 0, 0, Bangkok));
        var time = new ManualTimeProvider(new DateTimeOffset(2028, 6, 1, 0, 0, 0, Bangkok));

        var counts = await Task.WhenAll(
            Task.Run(() => new ResponseRetention(_tables, FormDesk.Catalogue, time).PurgeAsync(CancellationToken.None)),
            Task.Run(() => new ResponseRetention(_tables, FormDesk.Catalogue, time).PurgeAsync(CancellationToken.None)));

        Assert.InRange(counts.Sum(), 150, 300);
        Assert.Equal(["early"], Remaining());
    }

    [Fact]
    public async Task The_purge_and_the_claim_cleanup_run_as_soon_as_the_bot_starts()
    {
        await AddResponsesAsync("late", 5, new DateTimeOffset(2020, 1, 1, 0, 0, 0, Bangkok));
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var log = new ProcessedActivityLog(_tables, time);
        await log.TryClaimAsync("a:1", "old", CancellationToken.None);
        time.Advance(TimeSpan.FromDays(3));
        var purge = new ResponsePurge(_tables, new ResponseRetention(_tables, FormDesk.Catalogue, time), time, NullLogger<ResponsePurge>.Instance);
        var cleanup = new ProcessedActivityCleanup(_tables, log, time, NullLogger<ProcessedActivityCleanup>.Instance);

        await purge.StartAsync(CancellationToken.None);
        await cleanup.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((Remaining().Count > 0 || _tables.ProcessedActivities.Query<TableEntity>().Any()) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Assert.Empty(Remaining());
            Assert.Empty(_tables.ProcessedActivities.Query<TableEntity>().ToList());
        }
        finally
        {
            await purge.StopAsync(CancellationToken.None);
            await cleanup.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_claim_cleanup_deletes_more_than_one_page_of_old_claims()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var rows = Enumerable.Range(0, 1_050).Select(i => new TableTransactionAction(TableTransactionActionType.Add,
            new TableEntity($"a:{i % 3}", $"act-{i}") { ["ClaimedAt"] = time.GetUtcNow() }));
        await TableBatches.SubmitAsync(_tables.ProcessedActivities, rows, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1_050, await new ProcessedActivityLog(_tables, time).PurgeAsync(TimeSpan.FromDays(2), CancellationToken.None));
        Assert.Empty(_tables.ProcessedActivities.Query<TableEntity>().ToList());
    }
}
