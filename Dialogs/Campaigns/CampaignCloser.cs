using SupervisionBot.Dialogs.Scheduling;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// Closes campaigns: by the owner (now) or when the close date ends. The status flips once, under
/// the campaign's tag; whoever flips it (or, after a crash, the close job) tells
/// <see cref="ICampaignClosed"/> and then marks the campaign as told, so the summaries go once.
/// </summary>
public sealed class CampaignCloser(ICampaignStore store, CampaignJobs jobs, IEnumerable<ICampaignClosed> observers, TimeProvider time) : IJobHandler
{
    private const int MaxAttempts = 10;

    public string Kind => CampaignJobs.CloseKind;

    /// <summary>The owner's "close now": closed at once; the summaries follow from the close job, due now.</summary>
    /// <returns>False when it was already closed.</returns>
    public async Task<bool> CloseNowAsync(string campaignId, CancellationToken cancellationToken)
    {
        var closed = await FlipAsync(campaignId, cancellationToken);
        if (closed is not null)
        {
            await jobs.ScheduleCloseAsync(closed, time.GetUtcNow(), cancellationToken);
            await jobs.CancelRemindersAsync(closed, cancellationToken);
        }
        return closed is not null;
    }

    public async Task<JobOutcome> HandleAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(job.Payload, cancellationToken);
        if (stored is null)
        {
            return JobOutcome.Done;
        }
        // Extended meanwhile: the job has been moved already; this stale run does nothing.
        if (stored.Campaign.Status == CampaignStatus.Open && now < stored.Campaign.ClosesAtUtc)
        {
            return JobOutcome.Done;
        }
        await FlipAsync(job.Payload, cancellationToken);
        await jobs.CancelRemindersAsync(stored.Campaign, cancellationToken);
        var current = await store.GetAsync(job.Payload, cancellationToken);
        if (current is null || current.Campaign.ClosedNotified)
        {
            return JobOutcome.Done;
        }
        foreach (var observer in observers)
        {
            await observer.ClosedAsync(current.Campaign, cancellationToken);
        }
        await UpdateAsync(job.Payload, c => c with { ClosedNotified = true }, cancellationToken);
        return JobOutcome.Done;
    }

    private async Task UpdateAsync(string campaignId, Func<Campaign, Campaign> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetAsync(campaignId, cancellationToken) is not { } stored
                || await store.TryUpdateAsync(change(stored.Campaign), stored.ETag, cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"Campaign {campaignId} kept changing while it was being closed.");
    }

    /// <returns>The campaign as this call closed it, or null when it was closed already (or is gone).</returns>
    private async Task<Campaign?> FlipAsync(string campaignId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.GetAsync(campaignId, cancellationToken);
            if (stored is null || stored.Campaign.Status == CampaignStatus.Closed)
            {
                return null;
            }
            var closed = stored.Campaign with { Status = CampaignStatus.Closed, ClosedUtc = time.GetUtcNow() };
            if (await store.TryUpdateAsync(closed, stored.ETag, cancellationToken))
            {
                return closed;
            }
        }
        throw new InvalidOperationException($"Campaign {campaignId} kept changing while it was being closed.");
    }
}
