using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Campaigns;
using SupervisionBot.Bot.Scheduling;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Tests.AreaDirectory;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Campaigns;

/// <summary>The campaign table against a real Azurite, with two bot instances working on one campaign at once, and the admin's command.</summary>
public sealed class CampaignStorageTests : IAsyncLifetime
{
    private string _connectionString = "";
    private string _prefix = "";
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _connectionString = azurite.ConnectionString;
        _prefix = Azurite.NewTablePrefix(nameof(CampaignStorageTests));
        _tables = ConversationReferenceStoreTests.NewTables(_connectionString, _prefix);
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Campaign NewCampaign(string id, bool anonymous = false) => new()
    {
        Id = id, FormId = "school-administration-needs", Audience = "group:1", OwnerKey = "aad-owner", OwnerName = "ศน.นิรมล",
        OpenedUtc = CampaignDesk.Opening, ClosesOn = new DateOnly(2026, 12, 15), Anonymous = anonymous,
    };

    private static CampaignRecipient Recipient(string aad, string email) => new(aad, email, "ครู " + email, aad, "S1", RecipientStatus.Invited);

    [Fact]
    public async Task A_campaign_and_its_recipients_round_trip_and_a_stale_tag_is_refused()
    {
        var store = new TableCampaignStore(_tables);
        var campaign = NewCampaign("20261203-aaaa0001");
        var unreachable = new CampaignRecipient("mail:noaad@s1.example", "noaad@s1.example", "ครูไม่มีบัญชี", null, "S1", RecipientStatus.Failed, "ไม่มีบัญชี / no account");
        await store.CreateAsync(campaign, [Recipient("aad-1", "a@s1.example"), unreachable], CancellationToken.None);
        await store.CreateAsync(campaign, [Recipient("aad-1", "a@s1.example"), unreachable], CancellationToken.None);

        var stored = await store.GetAsync(campaign.Id, CancellationToken.None);
        Assert.Equal(campaign, stored!.Campaign);
        Assert.Equal([campaign], await store.ByOwnerAsync("aad-owner", CancellationToken.None));
        Assert.Equal(2, (await store.RecipientsAsync(campaign.Id, CancellationToken.None)).Count);
        Assert.Equal(unreachable, (await store.GetRecipientAsync(campaign.Id, unreachable.Key, CancellationToken.None))!.Recipient);
        Assert.Null(await store.GetAsync("../nope", CancellationToken.None));

        Assert.True(await store.TryUpdateAsync(campaign with { ClosesOn = new DateOnly(2026, 12, 20) }, stored.ETag, CancellationToken.None));
        Assert.False(await store.TryUpdateAsync(campaign with { Status = CampaignStatus.Closed }, stored.ETag, CancellationToken.None));
        Assert.Equal(new DateOnly(2026, 12, 20), (await store.GetAsync(campaign.Id, CancellationToken.None))!.Campaign.ClosesOn);
    }

    [Fact]
    public async Task Two_instances_moving_recipients_and_counting_at_once_lose_nothing_and_count_once()
    {
        var first = new TableCampaignStore(_tables);
        var second = new TableCampaignStore(ConversationReferenceStoreTests.NewTables(_connectionString, _prefix));
        var named = NewCampaign("20261203-bbbb0002");
        var anonymous = NewCampaign("20261203-cccc0003", anonymous: true);
        var people = Enumerable.Range(0, 12).Select(i => Recipient($"aad-{i}", $"t{i}@s1.example")).ToList();
        await first.CreateAsync(named, people, CancellationToken.None);
        await first.CreateAsync(anonymous, people, CancellationToken.None);

        // Each person is told started and submitted by both instances at once (a retried submit lands on the other instance).
        var moves = new[] { new RecipientMoves(first), new RecipientMoves(second) };
        await Task.WhenAll(people.SelectMany(p => moves.SelectMany(m => new[]
        {
            m.MoveAsync(named.Id, p.Key, RecipientStatus.Started, null, CancellationToken.None),
            m.MoveAsync(named.Id, p.Key, RecipientStatus.Submitted, null, CancellationToken.None),
        })));
        // 12 responses, each counted by both instances, while an owner extends the campaign.
        var counts = people.SelectMany(p => new[] { first, second }.Select(s => s.CountAnonymousAsync(anonymous.Id, AnonymousCount.Submitted, "event-" + p.Key, CancellationToken.None))).ToList();
        var extend = Task.Run(async () =>
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var current = (await second.GetAsync(anonymous.Id, CancellationToken.None))!;
                if (await second.TryUpdateAsync(current.Campaign with { ClosesOn = new DateOnly(2026, 12, 31) }, current.ETag, CancellationToken.None))
                {
                    return;
                }
            }
            throw new InvalidOperationException("never extended");
        });
        var counted = await Task.WhenAll(counts);
        await extend;

        Assert.All(await first.RecipientsAsync(named.Id, CancellationToken.None), r => Assert.Equal(RecipientStatus.Submitted, r.Recipient.Status));
        Assert.Equal(12, counted.Count(c => c));
        var after = (await first.GetAsync(anonymous.Id, CancellationToken.None))!.Campaign;
        Assert.Equal(12, after.AnonymousSubmitted);
        Assert.Equal(new DateOnly(2026, 12, 31), after.ClosesOn);
        Assert.All(await first.RecipientsAsync(anonymous.Id, CancellationToken.None), r => Assert.Equal(RecipientStatus.Invited, r.Recipient.Status));
    }

    [Fact]
    public async Task Two_instances_running_the_close_job_tell_the_summaries_once()
    {
        var closed = new RecordingClosed();
        var clock = new ManualTimeProvider(CampaignDesk.Opening);
        var policy = new CampaignPolicy();
        var hours = new WorkingHours(SchoolCalendarLoader.Load([]), policy);
        JobRunner Instance()
        {
            var tables = ConversationReferenceStoreTests.NewTables(_connectionString, _prefix);
            var schedule = new TableJobSchedule(tables, clock);
            var store = new TableCampaignStore(tables);
            var closer = new CampaignCloser(store, new CampaignJobs(schedule, hours, policy, clock), [closed], clock);
            return new JobRunner(tables, schedule, [closer], Options.Create(new SchedulerOptions()), NullLogger<JobRunner>.Instance);
        }
        var campaign = NewCampaign("20261203-dddd0004") with { ClosesOn = new DateOnly(2026, 12, 3) };
        await new TableCampaignStore(_tables).CreateAsync(campaign, [Recipient("aad-1", "a@s1.example")], CancellationToken.None);
        await new CampaignJobs(new TableJobSchedule(_tables, clock), hours, policy, clock).PlanAsync(campaign, CancellationToken.None);
        var (one, two) = (Instance(), Instance());

        clock.Advance(campaign.ClosesAtUtc - clock.GetUtcNow());
        await Task.WhenAll(one.RunDueAsync(clock.GetUtcNow(), CancellationToken.None), two.RunDueAsync(clock.GetUtcNow(), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(one.RunDueAsync(clock.GetUtcNow(), CancellationToken.None), two.RunDueAsync(clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(1, closed.Calls);
        var stored = (await new TableCampaignStore(_tables).GetAsync(campaign.Id, CancellationToken.None))!.Campaign;
        Assert.Equal((CampaignStatus.Closed, true), (stored.Status, stored.ClosedNotified));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CampaignCommand.RunAsync([.. args, "--environment", "Development"], output, error, builder =>
        {
            builder.Configuration["Storage:ConnectionString"] = _connectionString;
            builder.Configuration["Storage:TablePrefix"] = _prefix;
        });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_command_starts_a_campaign_and_explains_a_bad_form_audience_or_date()
    {
        var directory = new TableDirectoryStore(_tables, TimeProvider.System, NullLogger<TableDirectoryStore>.Instance);
        await directory.ImportAsync(DirectoryExamples.Files(), CancellationToken.None);

        var badForm = await RunAsync("start", "--form", "no-such-form", "--audience", "group:1", "--closes", "2099-01-31");
        var badAudience = await RunAsync("start", "--form", "school-administration-needs", "--audience", "group:1;grade:6", "--closes", "2099-01-31");
        var badDate = await RunAsync("start", "--form", "school-administration-needs", "--audience", "group:1", "--closes", "2099-02-30");
        var usage = await RunAsync("start", "--form", "school-administration-needs");

        Assert.Equal((1, "There is no form “no-such-form”"), (badForm.Exit, badForm.Error[..31]));
        Assert.Equal(1, badAudience.Exit);
        Assert.Contains("at position 9: unknown kind “grade”", badAudience.Error);
        Assert.Equal(1, badDate.Exit);
        Assert.Contains("“2099-02-30” is not a date", badDate.Error);
        Assert.Equal(2, usage.Exit);

        var started = await RunAsync("start", "--form", "school-administration-needs", "--audience", "group:1;role:director,role:teacher", "--closes", "2099-01-31");

        Assert.Equal(0, started.Exit);
        var id = started.Output.Split(' ')[1];
        Assert.Contains("4 recipients, 2 invited in chat, 2 not reachable", started.Output);
        Assert.Contains("not reachable: malee.s@school-b.example.ac.th", started.Output);
        var status = await RunAsync("status", id);
        Assert.Equal(0, status.Exit);
        Assert.Contains("recipients 4, invited 2, delivered 0, failed 2, started 0, submitted 0", status.Output);
        Assert.Equal(0, (await RunAsync("close", id)).Exit);
        Assert.Contains("closed", (await RunAsync("status", id)).Output);
        Assert.Equal(1, (await RunAsync("status", "20990101-nothing")).Exit);
    }
}
