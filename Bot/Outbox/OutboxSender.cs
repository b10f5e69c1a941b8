using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Bot.Outbox;

public enum OutboxSenderState
{
    Starting,
    Sending,
    Idle,
    Paused,

    /// <summary>Outbox:Send is false: this instance queues but does not send.</summary>
    Disabled,
    Stopped,
}

/// <summary>
/// Takes messages off the queue and sends them, each instance at its share of the tenant's rate.
/// A message is claimed in its row (ETag-conditional) before it is sent, so two instances never send
/// it both; a claim runs out after <see cref="OutboxOptions.ClaimLease"/>, so a message whose sender died
/// is sent by another: the only way one is sent twice. Waits (throttling, backoff, an install) are the
/// queue message's invisibility, not a held task.
/// </summary>
public sealed class OutboxSender(
    OutboxStorage storage,
    SharedRateLimiter rate,
    ConversationPace pace,
    OutboxConnector connector,
    IConversationReferenceStore conversations,
    IAppInstaller installer,
    OutboxMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int MaxBatch = 32;

    // A channel's next slot further off than this goes back to the queue rather than holding a slot here.
    private static readonly TimeSpan MaxConversationWait = TimeSpan.FromSeconds(2);

    // A retry's queue message may be read before the retry has marked its row; after this it was abandoned.
    private static readonly TimeSpan EarlyRoundGrace = TimeSpan.FromMinutes(1);

    private readonly OutboxOptions _options = options.Value;

    // A channel's service URL, read once: a notice to every school group posts to the same few channels many times.
    private readonly ConcurrentDictionary<string, ConversationReference?> _channels = new(StringComparer.Ordinal);
    private volatile OutboxSenderState _state = OutboxSenderState.Starting;

    public OutboxSenderState State => _state is OutboxSenderState.Sending or OutboxSenderState.Idle && rate.PausedUntil > time.GetUtcNow()
        ? OutboxSenderState.Paused
        : _state;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!await CreateStorageAsync(stoppingToken))
        {
            return;
        }
        if (!_options.Send)
        {
            _state = OutboxSenderState.Disabled;
            return;
        }
        try
        {
            await rate.JoinAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            _state = OutboxSenderState.Stopped;
            return;
        }
        var heartbeat = rate.RunHeartbeatAsync(stoppingToken);
        var slots = new SemaphoreSlim(Math.Max(1, _options.MaxInFlight));
        var running = new ConcurrentDictionary<Task, bool>();
        var idle = TimeSpan.FromMilliseconds(50);
        _state = OutboxSenderState.Idle;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < MaxBatch && slots.Wait(0, CancellationToken.None))
                {
                    free++;
                }
                QueueMessage[] received;
                try
                {
                    received = (await storage.Queue.ReceiveMessagesAsync(free, _options.ClaimLease, stoppingToken)).Value;
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
                {
                    logger.LogWarning(ex, "Could not read the outbox queue; trying again");
                    received = [];
                }
                if (free > received.Length)
                {
                    slots.Release(free - received.Length);
                }
                _state = received.Length > 0 ? OutboxSenderState.Sending : OutboxSenderState.Idle;
                if (received.Length == 0)
                {
                    await Task.Delay(idle, time, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.PollInterval.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(50);
                foreach (var message in received)
                {
                    var task = ProcessSafelyAsync(message, stoppingToken);
                    running[task] = true;
                    _ = task.ContinueWith(t =>
                    {
                        running.TryRemove(t, out _);
                        slots.Release();
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is in flight finishes below; nothing else was taken.
        }
        finally
        {
            await Task.WhenAll(running.Keys);
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
                // The heartbeat stops with the host.
            }
            await rate.LeaveAsync(CancellationToken.None);
            _state = OutboxSenderState.Stopped;
        }
    }

    private async Task<bool> CreateStorageAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await storage.EnsureCreatedAsync(stoppingToken);
                return true;
            }
            catch (OperationCanceledException)
            {
                _state = OutboxSenderState.Stopped;
                return false;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox queue or table is not reachable yet; retrying in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    _state = OutboxSenderState.Stopped;
                    return false;
                }
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 60));
            }
        }
    }

    private async Task ProcessSafelyAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var entries = OutboxRecord.ParseQueueText(message.MessageText);
        if (entries is null)
        {
            logger.LogWarning("Dropping an outbox queue message that is not ours: {Text}", message.MessageText);
            await DeleteAsync(new Ticket(message, null));
            return;
        }
        var done = 0;
        try
        {
            if (entries.Count == 1)
            {
                await ProcessAsync(new Ticket(message, null), entries[0], stoppingToken);
                return;
            }
            // Queued together, sent one by one: each row is claimed on its own, and whatever must wait
            // gets a queue message of its own, so the shared one goes once all its rows are dealt with.
            foreach (var entry in entries)
            {
                await ProcessAsync(new Ticket(message, entry), entry, stoppingToken);
                done++;
            }
            await DeleteAsync(new Ticket(message, null));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await PostponeAsync(new Ticket(message, null), TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            // The queue message comes back when its invisibility runs out; rows already settled are skipped then.
            logger.LogError(ex, "Outbox message {MessageId} failed unexpectedly after {Done} of its rows; it will be tried again", message.MessageId, done);
        }
    }

    private async Task ProcessAsync(Ticket ticket, QueueEntry entry, CancellationToken stoppingToken)
    {
        var (generation, partition, rowKey) = entry;
        var found = await storage.Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: stoppingToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            await DeleteAsync(ticket);
            return;
        }
        var now = time.GetUtcNow();
        var round = OutboxRecord.Int(row, OutboxRecord.Generation);
        if (generation != round)
        {
            // Older: superseded by a retry. Newer: a retry that has not marked its row yet, or never will.
            if (generation > round && ticket.Message.InsertedOn > now - EarlyRoundGrace)
            {
                await PostponeAsync(ticket, TimeSpan.FromSeconds(5));
            }
            else
            {
                await DeleteAsync(ticket);
            }
            return;
        }
        var status = OutboxRecord.StatusOf(row);
        if (status is OutboxStatus.Sent or OutboxStatus.Failed)
        {
            await DeleteAsync(ticket);
            return;
        }
        if (status == OutboxStatus.Sending && row.GetDateTimeOffset(OutboxRecord.ClaimedUntil) is { } claimedUntil && claimedUntil > now)
        {
            // Another sender holds it (a second queue message for the same row); look again when its claim ends.
            await PostponeAsync(ticket, claimedUntil - now + TimeSpan.FromSeconds(1));
            return;
        }

        var claim = new Claim(ticket, row);
        var claimed = new TableEntity(partition, rowKey)
        {
            [OutboxRecord.Status] = nameof(OutboxStatus.Sending),
            [OutboxRecord.ClaimedUntil] = now + _options.ClaimLease,
        };
        try
        {
            claim.ETag = (await storage.Table.UpdateEntityAsync(claimed, row.ETag, TableUpdateMode.Merge, stoppingToken)).Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (OutboxRecord.IsConflict(ex))
        {
            // Another sender claimed it a moment ago; this queue message comes back after the lease.
            return;
        }
        await DeliverAsync(claim, OutboxRecord.ToMessage(row), status, stoppingToken);
    }

    private async Task DeliverAsync(Claim claim, OutboxMessage message, OutboxStatus status, CancellationToken stoppingToken)
    {
        switch (message.Kind)
        {
            case OutboxMessageKind.PersonalChat:
                var chat = await conversations.GetPersonalChatAsync(message.Recipient, CancellationToken.None);
                if (chat is null)
                {
                    chat = await OpenPersonalChatAsync(claim, message, status, stoppingToken);
                    if (chat is null)
                    {
                        return;
                    }
                }
                await SendAsync(claim, message, chat.ConversationId,
                    ct => connector.SendAsync(chat.ServiceUrl, chat.ConversationId, OutboxConnector.ToActivity(message), ct), stoppingToken);
                return;

            case OutboxMessageKind.ChannelPost or OutboxMessageKind.ChannelReply:
                if (!_channels.TryGetValue(message.Recipient, out var channel))
                {
                    _channels[message.Recipient] = channel = await conversations.GetAsync(message.Recipient, CancellationToken.None);
                }
                if ((channel?.ServiceUrl ?? _options.ServiceUrl) is not { } serviceUrl)
                {
                    await FailAsync(claim, OutboxFailure.Unreachable, "the bot has no conversation with this channel (no service URL; set Outbox:ServiceUrl)");
                    return;
                }
                if (message.Kind == OutboxMessageKind.ChannelPost)
                {
                    await SendAsync(claim, message, message.Recipient,
                        ct => connector.PostToChannelAsync(serviceUrl, channel?.TenantId ?? _options.TenantId, message.Recipient, OutboxConnector.ToActivity(message), ct), stoppingToken);
                }
                else
                {
                    var thread = $"{message.Recipient};messageid={message.ThreadId}";
                    await SendAsync(claim, message, thread,
                        ct => connector.SendAsync(serviceUrl, thread, OutboxConnector.ToActivity(message), ct), stoppingToken);
                }
                return;
        }
    }

    /// <returns>The chat, or null when the message was settled or set aside (unreachable, waiting for an install, retried later).</returns>
    private async Task<ConversationReference?> OpenPersonalChatAsync(Claim claim, OutboxMessage message, OutboxStatus status, CancellationToken stoppingToken)
    {
        if (message.TeamsUserId is { } teamsUserId && _options.ServiceUrl is { } serviceUrl)
        {
            var opened = await PacedCallAsync(claim, message.Recipient, ct => connector.OpenPersonalChatAsync(serviceUrl, _options.TenantId, teamsUserId, ct), stoppingToken);
            if (opened?.Outcome != AttemptOutcome.Success)
            {
                if (opened is not null)
                {
                    await SettleAsync(claim, message, opened);
                }
                return null;
            }
            var chat = new ConversationReference(opened.ConversationId!, ConversationKind.Personal, opened.ServiceUrl ?? serviceUrl,
                _options.TenantId, null, teamsUserId, message.Recipient, null, null, null, null);
            await conversations.SaveAsync(chat, CancellationToken.None);
            return chat;
        }

        var now = time.GetUtcNow();
        if (status == OutboxStatus.AwaitingInstall)
        {
            var since = claim.Row.GetDateTimeOffset(OutboxRecord.InstallRequestedAt) ?? now;
            if (now - since > _options.InstallWait)
            {
                await FailAsync(claim, OutboxFailure.Unreachable,
                    $"the app was installed for them, but Teams did not announce their chat within {_options.InstallWait}");
            }
            else
            {
                await ReleaseAsync(claim, OutboxStatus.AwaitingInstall, _options.InstallPollInterval, null);
            }
            return null;
        }

        var installed = await installer.InstallForUserAsync(message.Recipient, CancellationToken.None);
        switch (installed.Outcome)
        {
            case AppInstallOutcome.Installed or AppInstallOutcome.AlreadyInstalled:
                // The install event brings the chat's reference; look for it until InstallWait runs out.
                await ReleaseAsync(claim, OutboxStatus.AwaitingInstall, _options.InstallPollInterval,
                    new TableEntity { [OutboxRecord.InstallRequestedAt] = now });
                break;
            case AppInstallOutcome.UserNotFound:
                await FailAsync(claim, OutboxFailure.Unreachable, "no chat with the bot, and no such person in Entra ID");
                break;
            default:
                await FailAsync(claim, OutboxFailure.Unreachable,
                    $"no chat with the bot, and the app could not be installed for them: {installed.Reason ?? installed.Outcome.ToString()}");
                break;
        }
        return null;
    }

    private async Task SendAsync(Claim claim, OutboxMessage message, string conversationId, Func<CancellationToken, Task<DeliveryAttempt>> call, CancellationToken stoppingToken)
    {
        if (await PacedCallAsync(claim, conversationId, call, stoppingToken) is { } attempt)
        {
            await SettleAsync(claim, message, attempt);
        }
    }

    /// <summary>Waits for the conversation's and the tenant's next slot, then makes the call; null when the message went back to the queue.</summary>
    private async Task<DeliveryAttempt?> PacedCallAsync(Claim claim, string conversationId, Func<CancellationToken, Task<DeliveryAttempt>> call, CancellationToken stoppingToken)
    {
        if (!pace.TryReserve(conversationId, MaxConversationWait, out var wait))
        {
            await ReleaseAsync(claim, OutboxStatus.Queued, wait, null);
            return null;
        }
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            await rate.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before sending: give it back for another instance (or this one restarted) at once.
            await ReleaseAsync(claim, OutboxStatus.Queued, TimeSpan.Zero, null);
            return null;
        }
        // In flight: finished even during shutdown, so it is not sent twice.
        return await call(CancellationToken.None);
    }

    private async Task SettleAsync(Claim claim, OutboxMessage message, DeliveryAttempt attempt)
    {
        switch (attempt.Outcome)
        {
            case AttemptOutcome.Success:
                await UpdateRowAsync(claim, new TableEntity
                {
                    [OutboxRecord.Status] = nameof(OutboxStatus.Sent),
                    [OutboxRecord.SentAt] = time.GetUtcNow(),
                    [OutboxRecord.ActivityId] = attempt.ActivityId,
                    ["ConversationId"] = attempt.ConversationId,
                    [OutboxRecord.Reason] = "",
                });
                await DeleteAsync(claim.Ticket);
                metrics.Sent(message.Kind);
                return;

            case AttemptOutcome.Throttled:
                metrics.Throttled();
                await rate.OnThrottledAsync(attempt.RetryAfter, CancellationToken.None);
                var throttles = OutboxRecord.Int(claim.Row, OutboxRecord.Throttles) + 1;
                if (throttles >= _options.MaxAttempts * 10)
                {
                    await FailAsync(claim, OutboxFailure.GaveUp, $"throttled (429) {throttles} times");
                    return;
                }
                await ReleaseAsync(claim, OutboxStatus.Queued, attempt.RetryAfter ?? Backoff(throttles),
                    new TableEntity { [OutboxRecord.Throttles] = throttles, [OutboxRecord.Reason] = attempt.Reason });
                return;

            case AttemptOutcome.Transient:
                var attempts = OutboxRecord.Int(claim.Row, OutboxRecord.Attempts) + 1;
                if (attempts >= _options.MaxAttempts)
                {
                    await FailAsync(claim, OutboxFailure.GaveUp, $"gave up after {attempts} attempts: {attempt.Reason}", attempts);
                    return;
                }
                metrics.Retried();
                await ReleaseAsync(claim, OutboxStatus.Queued, Backoff(attempts),
                    new TableEntity { [OutboxRecord.Attempts] = attempts, [OutboxRecord.Reason] = attempt.Reason });
                return;

            default:
                await FailAsync(claim, attempt.Failure ?? OutboxFailure.Rejected, attempt.Reason ?? "refused", OutboxRecord.Int(claim.Row, OutboxRecord.Attempts) + 1);
                return;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        // Full jitter on the upper half: many messages failing together do not come back together.
        var ceiling = Math.Min(_options.RetryMaxDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private async Task FailAsync(Claim claim, OutboxFailure failure, string reason, int? attempts = null)
    {
        var update = new TableEntity
        {
            [OutboxRecord.Status] = nameof(OutboxStatus.Failed),
            [OutboxRecord.Failure] = failure.ToString(),
            [OutboxRecord.Reason] = reason,
        };
        if (attempts is { } n)
        {
            update[OutboxRecord.Attempts] = n;
        }
        await UpdateRowAsync(claim, update);
        await DeleteAsync(claim.Ticket);
        metrics.Failed(failure);
        logger.LogInformation("Outbox message not delivered ({Failure}): {Reason}", failure, reason);
    }

    /// <summary>Ends our claim with the row at <paramref name="status"/>; the queue message shows again after <paramref name="after"/>.</summary>
    private async Task ReleaseAsync(Claim claim, OutboxStatus status, TimeSpan after, TableEntity? changes)
    {
        var update = changes ?? new TableEntity();
        update[OutboxRecord.Status] = status.ToString();
        await UpdateRowAsync(claim, update);
        await PostponeAsync(claim.Ticket, after);
    }

    private async Task UpdateRowAsync(Claim claim, TableEntity changes)
    {
        changes.PartitionKey = claim.Row.PartitionKey;
        changes.RowKey = claim.Row.RowKey;
        try
        {
            await storage.Table.UpdateEntityAsync(changes, claim.ETag, TableUpdateMode.Merge, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (OutboxRecord.IsConflict(ex))
        {
            // Our claim ran out and another sender took the message over; its outcome stands.
            logger.LogWarning("Outbox row {Row} was taken over by another sender before this one finished", claim.Row.RowKey);
        }
    }

    private async Task PostponeAsync(Ticket ticket, TimeSpan after)
    {
        var max = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);
        var visibility = after < TimeSpan.Zero ? TimeSpan.Zero : after > max ? max : after;
        if (ticket.Entry is { } entry)
        {
            await storage.Queue.SendMessageAsync(OutboxRecord.QueueText(entry), visibility, TimeSpan.FromSeconds(-1), CancellationToken.None);
            return;
        }
        try
        {
            await storage.Queue.UpdateMessageAsync(ticket.Message.MessageId, ticket.Message.PopReceipt, visibilityTimeout: visibility, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Its invisibility ran out and another sender holds it now.
        }
    }

    /// <summary>Done with a row: its own queue message goes; a shared one goes once all its rows are done.</summary>
    private async Task DeleteAsync(Ticket ticket)
    {
        if (ticket.Entry is not null)
        {
            return;
        }
        try
        {
            await storage.Queue.DeleteMessageAsync(ticket.Message.MessageId, ticket.Message.PopReceipt, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone, or re-received by another sender, which will find the row settled.
        }
    }

    /// <summary>A row's place in the queue: its own queue message, or one entry of a shared one.</summary>
    private sealed record Ticket(QueueMessage Message, QueueEntry? Entry);

    /// <summary>A message this sender holds: its queue message and its row as read, with the ETag of our claim.</summary>
    private sealed class Claim(Ticket ticket, TableEntity row)
    {
        public Ticket Ticket { get; } = ticket;
        public TableEntity Row { get; } = row;
        public ETag ETag { get; set; }
    }
}
