using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Scheduling;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Scheduling;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Scheduling;

/// <summary>The durable schedule against a real Azurite: leases, cursors and ETags are storage properties.</summary>
public sealed class JobScheduleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly Reminders _reminders = new();
    private SupervisionTables _tables = null!;
    private TableJobSchedule _schedule = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(JobScheduleTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
        _schedule = new TableJobSchedule(_tables, _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A handler as a visit reminder would be: useful until the visit starts, an hour after the due time here.</summary>
    private sealed class Reminders : IJobHandler
    {
        public ConcurrentDictionary<string, int> Runs { get; } = new();

        public ConcurrentQueue<string> FailOnce { get; } = new();

        public string Kind => "visit-reminder";

        public Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (FailOnce.TryPeek(out var failing) && failing == job.Id && FailOnce.TryDequeue(out _))
            {
                throw new InvalidOperationException("the outbox was unreachable");
            }
            Runs.AddOrUpdate(job.Id, 1, (_, n) => n + 1);
            return Task.FromResult(now - job.DueAt > TimeSpan.FromHours(1) ? JobOutcome.TooLate : JobOutcome.Done);
        }
    }

    private JobRunner NewInstance() =>
        new(_tables, new TableJobSchedule(_tables, _clock), [_reminders], Options.Create(new SchedulerOptions()), NullLogger<JobRunner>.Instance);

    private static ScheduledJob Job(string id, DateTimeOffset due) => new("visit-reminder", id, due, $$"""{"visit":"{{id}}"}""");

    private Task<JobState?> StateOf(string id) =>
        _schedule.GetStatusAsync("visit-reminder", id, CancellationToken.None).ContinueWith(t => t.Result?.State);

    [Fact]
    public async Task A_job_runs_once_when_due_and_not_before()
    {
        var runner = NewInstance();
        await _schedule.ScheduleAsync(Job("v1", Start.AddMinutes(30)), CancellationToken.None);

        Assert.Equal(0, await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(1, _reminders.Runs["v1"]);
        var status = await _schedule.GetStatusAsync("visit-reminder", "v1", CancellationToken.None);
        Assert.Equal(JobState.Done, status!.State);
        Assert.Equal("""{"visit":"v1"}""", status.Job.Payload);
        Assert.Equal(Start.AddMinutes(30), status.Job.DueAt);
    }

    [Fact]
    public async Task A_moved_job_runs_at_its_new_time_only_and_a_cancelled_one_never()
    {
        var runner = NewInstance();
        await _schedule.ScheduleAsync(Job("moved", Start.AddMinutes(10)), CancellationToken.None);
        await _schedule.ScheduleAsync(Job("moved", Start.AddHours(3)), CancellationToken.None);
        await _schedule.ScheduleAsync(Job("cancelled", Start.AddMinutes(10)), CancellationToken.None);
        Assert.True(await _schedule.CancelAsync("visit-reminder", "cancelled", CancellationToken.None));
        Assert.False(await _schedule.CancelAsync("visit-reminder", "cancelled", CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(1, _reminders.Runs["moved"]);
        Assert.False(_reminders.Runs.ContainsKey("cancelled"));
        Assert.Equal(JobState.Cancelled, await StateOf("cancelled"));
        Assert.Empty(_tables.Schedule.Query<Azure.Data.Tables.TableEntity>());
    }

    [Fact]
    public async Task Two_instances_at_once_run_every_job_exactly_once()
    {
        var due = Start.AddMinutes(5);
        await Parallel.ForEachAsync(Enumerable.Range(0, 120), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await _schedule.ScheduleAsync(Job($"v{i}", due.AddSeconds(i % 60)), ct));
        _clock.Advance(TimeSpan.FromMinutes(6));
        var first = NewInstance();
        var second = NewInstance();

        var finished = await Task.WhenAll(
            Task.Run(() => first.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None)),
            Task.Run(() => second.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None)));
        var again = await Task.WhenAll(first.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None), second.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(120, finished.Sum());
        Assert.Equal([0, 0], again);
        Assert.Equal(120, _reminders.Runs.Count);
        Assert.All(_reminders.Runs.Values, runs => Assert.Equal(1, runs));
    }

    [Fact]
    public async Task After_downtime_useful_jobs_run_late_ones_are_marked_too_late_and_passes_read_only_the_current_hour_again()
    {
        // Scheduled across a day and a half; the bot comes back 40 hours after the start.
        for (var h = 0; h < 36; h++)
        {
            await _schedule.ScheduleAsync(Job($"h{h}", Start.AddHours(h).AddMinutes(15)), CancellationToken.None);
        }
        _clock.Advance(TimeSpan.FromHours(35).Add(TimeSpan.FromMinutes(30)));

        Assert.Equal(36, await NewInstance().RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(JobState.TooLate, await StateOf("h0"));
        Assert.Equal(JobState.TooLate, await StateOf("h34"));
        Assert.Equal(JobState.Done, await StateOf("h35"));
        var cursor = await _schedule.ReadCursorAsync(CancellationToken.None);
        Assert.Equal(TableJobSchedule.Hour(_clock.GetUtcNow()), cursor.Hour);
    }

    [Fact]
    public async Task A_job_whose_handler_failed_is_tried_again_after_its_lease_and_by_a_restarted_instance()
    {
        await _schedule.ScheduleAsync(Job("flaky", Start.AddMinutes(1)), CancellationToken.None);
        _reminders.FailOnce.Enqueue("flaky");
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, await NewInstance().RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        // The instance is gone; a new one waits out the lease the first one took.
        var restarted = NewInstance();
        Assert.Equal(0, await restarted.RunDueAsync(_clock.GetUtcNow().AddSeconds(30), CancellationToken.None));
        _clock.Advance(new SchedulerOptions().Lease);
        Assert.Equal(1, await restarted.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(1, _reminders.Runs["flaky"]);
        Assert.Equal(JobState.Done, await StateOf("flaky"));
    }

    [Fact]
    public async Task A_job_scheduled_for_a_moment_already_past_runs_on_the_next_pass_with_its_real_due_time()
    {
        var runner = NewInstance();
        _clock.Advance(TimeSpan.FromHours(5));
        await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);

        await _schedule.ScheduleAsync(Job("past", Start.AddHours(1)), CancellationToken.None);
        Assert.Equal(1, await runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(JobState.TooLate, await StateOf("past"));
    }

    [Fact]
    public async Task A_job_of_a_kind_nobody_handles_is_marked_failed_rather_than_retried_forever()
    {
        await _schedule.ScheduleAsync(new ScheduledJob("unknown-kind", "x", Start, "{}"), CancellationToken.None);

        Assert.Equal(1, await NewInstance().RunDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(JobState.Failed, (await _schedule.GetStatusAsync("unknown-kind", "x", CancellationToken.None))!.State);
    }
}
