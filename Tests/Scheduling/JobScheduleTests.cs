using System.Collections.Concurrent;
using Azure.Data.Tables;
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

    private Task<int> PassAsync(JobRunner runner) => runner.RunDueAsync(_clock.GetUtcNow(), CancellationToken.None);

    private async Task<IReadOnlyList<int>?> MarkedMinutes(DateTimeOffset hour) =>
        (await _schedule.ReadMarksAsync(TableJobSchedule.Hour(hour), CancellationToken.None))?.Minutes;

    [Fact]
    public async Task Scheduling_marks_the_minute_a_job_is_filed_in_within_the_transaction_that_writes_its_due_row()
    {
        await _schedule.ScheduleAsync(Job("warm-up", Start.AddDays(1)), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(10)));

        using (var calls = StorageCalls.Count())
        {
            await _schedule.ScheduleAsync(Job("ahead", Start.AddMinutes(42).AddSeconds(30)), CancellationToken.None);

            Assert.Single(calls.Batches);
            Assert.Empty(calls.On(SupervisionTables.ScheduleName));
        }
        // One already due is filed under the minute it was scheduled in, which the runner may have checked already.
        await _schedule.ScheduleAsync(Job("overdue", Start.AddHours(-3)), CancellationToken.None);

        Assert.Equal([5, 42], await MarkedMinutes(Start));
        var runner = NewInstance();
        Assert.Equal(1, await PassAsync(runner));
        _clock.Advance(TimeSpan.FromMinutes(38));
        Assert.Equal(1, await PassAsync(runner));
        Assert.Equal(JobState.TooLate, await StateOf("overdue"));
        Assert.Equal(JobState.Done, await StateOf("ahead"));
    }

    [Fact]
    public async Task A_pass_with_nothing_due_reads_the_cursor_and_the_hours_marker_and_queries_nothing()
    {
        var runner = NewInstance();
        for (var i = 0; i < 40; i++)
        {
            // Some later this hour, the rest over the coming weeks.
            await _schedule.ScheduleAsync(Job($"v{i}", i < 5 ? Start.AddMinutes(20 + i) : Start.AddHours(i * 7)), CancellationToken.None);
        }
        _clock.Advance(TimeSpan.FromMinutes(10));

        using var calls = StorageCalls.Count();
        Assert.Equal(0, await PassAsync(runner));

        Assert.Equal(2, calls.All.Count);
        Assert.All(calls.All, call => Assert.Equal(StorageCallKind.PointRead, call.Kind));
    }

    [Fact]
    public async Task A_job_filed_into_a_minute_an_instance_already_checked_is_still_run_once()
    {
        var runner = NewInstance();
        _clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await PassAsync(runner));

        // Another instance files a job already due: under the minute this one has just checked.
        await new TableJobSchedule(_tables, _clock).ScheduleAsync(Job("now", Start.AddMinutes(5)), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await PassAsync(runner));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await PassAsync(runner));
        Assert.Null(await MarkedMinutes(Start));

        // One whose clock lags 30 s files into minute 5 after this instance cleared it.
        var lagging = new ManualTimeProvider(_clock.GetUtcNow().AddSeconds(-30));
        await new TableJobSchedule(_tables, lagging).ScheduleAsync(Job("lagging", lagging.GetUtcNow().AddSeconds(-5)), CancellationToken.None);
        Assert.Equal([5], await MarkedMinutes(Start));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await PassAsync(runner));
        Assert.Equal(0, await PassAsync(runner));

        Assert.Equal(1, _reminders.Runs["now"]);
        Assert.Equal(1, _reminders.Runs["lagging"]);
        Assert.Null(await MarkedMinutes(Start));
    }

    [Fact]
    public async Task Two_instances_passing_while_others_file_jobs_into_the_current_minute_run_each_once()
    {
        var first = NewInstance();
        var second = NewInstance();
        var filed = 0;
        // Twelve ticks of 7 s cross a minute's end while jobs are being filed.
        for (var tick = 0; tick < 12; tick++)
        {
            var now = _clock.GetUtcNow();
            var filing = Enumerable.Range(0, 3).Select(j => Task.Run(() =>
                new TableJobSchedule(_tables, _clock).ScheduleAsync(Job($"t{tick}-{j}", now.AddSeconds(j % 2 == 0 ? -1 : 4)), CancellationToken.None)));
            await Task.WhenAll([.. filing, Task.Run(() => PassAsync(first)), Task.Run(() => PassAsync(second))]);
            filed += 3;
            _clock.Advance(TimeSpan.FromSeconds(7));
        }
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(PassAsync(first), PassAsync(second));
        // Each may have seen the other's leases and left the minutes marked; a pass alone clears them.
        await PassAsync(first);

        Assert.Equal(filed, _reminders.Runs.Count);
        Assert.All(_reminders.Runs.Values, runs => Assert.Equal(1, runs));
        Assert.Null(await MarkedMinutes(Start));
    }

    [Fact]
    public async Task A_due_row_seen_before_its_record_is_written_still_runs_and_one_whose_filer_stopped_is_dropped_after_a_grace()
    {
        var runner = NewInstance();
        _clock.Advance(TimeSpan.FromMinutes(3));
        // What a filing has written in the moment between its due row (with the minute's mark) and its record.
        foreach (var id in new[] { "filing", "stopped" })
        {
            var (due, mark, _) = TableJobSchedule.Rows(Job(id, Start.AddMinutes(2)), _clock.GetUtcNow());
            await TableBatches.SubmitAsync(_tables.Schedule, [new(TableTransactionActionType.UpsertReplace, due), new(TableTransactionActionType.UpsertMerge, mark)], CancellationToken.None);
        }

        Assert.Equal(0, await PassAsync(runner));
        // The first filing completes: its record is written.
        var (_, _, record) = TableJobSchedule.Rows(Job("filing", Start.AddMinutes(2)), _clock.GetUtcNow());
        await _tables.ScheduledJobs.UpsertEntityAsync(record, TableUpdateMode.Replace);
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await PassAsync(runner));
        Assert.Equal(["filing"], _reminders.Runs.Keys);

        // The other never will; after the grace its row is dropped and its minute unmarked.
        _clock.Advance(JobRunner.OrphanGrace);
        Assert.Equal(0, await PassAsync(runner));
        await PassAsync(runner);
        Assert.Empty(_tables.Schedule.Query<TableEntity>(e => e.RowKey != TableJobSchedule.MarkerRow).ToList());
        Assert.Null(await MarkedMinutes(Start));
    }

    [Fact]
    public async Task Restarted_after_two_days_down_in_the_middle_of_a_schedule_it_catches_up_with_a_point_read_an_hour()
    {
        foreach (var (id, due) in new[] { ("a", Start.AddMinutes(10)), ("b", Start.AddMinutes(50)), ("c", Start.AddHours(20)), ("d", Start.AddHours(49).AddMinutes(40)) })
        {
            await _schedule.ScheduleAsync(Job(id, due), CancellationToken.None);
        }
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(1, await PassAsync(NewInstance()));

        // Down from 01:20 until two days later at 02:30: b and c are too late by then, d not yet due.
        _clock.Advance(TimeSpan.FromHours(49).Add(TimeSpan.FromMinutes(10)));
        var restarted = NewInstance();
        using (var calls = StorageCalls.Count())
        {
            Assert.Equal(2, await PassAsync(restarted));

            var schedule = calls.On(SupervisionTables.ScheduleName);
            Assert.Equal(2, schedule.Count(c => c.Kind == StorageCallKind.Query));
            Assert.Equal(50, schedule.Count(c => c.Kind == StorageCallKind.PointRead));
        }
        Assert.Equal(JobState.Done, await StateOf("a"));
        Assert.Equal(JobState.TooLate, await StateOf("b"));
        Assert.Equal(JobState.TooLate, await StateOf("c"));
        Assert.Equal(JobState.Pending, await StateOf("d"));
        Assert.Equal(TableJobSchedule.Hour(Start.AddHours(49)), (await _schedule.ReadCursorAsync(CancellationToken.None)).Hour);

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await PassAsync(restarted));
        Assert.Equal(JobState.Done, await StateOf("d"));
        Assert.All(_reminders.Runs.Values, runs => Assert.Equal(1, runs));
    }
}
