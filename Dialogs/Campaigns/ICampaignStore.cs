namespace SupervisionBot.Dialogs.Campaigns;

public sealed record StoredCampaign(Campaign Campaign, string ETag);

public sealed record StoredRecipient(CampaignRecipient Recipient, string ETag);

/// <summary>Which anonymous count a form event adds to.</summary>
public enum AnonymousCount
{
    Started,
    Submitted,
}

/// <summary>
/// Campaigns and their recipients in storage. Every change is checked against the tag it was read
/// with, so several bot instances (and the admin's command line) can work on one campaign at once.
/// </summary>
public interface ICampaignStore
{
    /// <summary>Adds a new campaign with its recipients (all of them, or none on failure: a retry with the same id adds the rest).</summary>
    Task CreateAsync(Campaign campaign, IReadOnlyCollection<CampaignRecipient> recipients, CancellationToken cancellationToken);

    Task<StoredCampaign?> GetAsync(string campaignId, CancellationToken cancellationToken);

    /// <returns>False when the campaign changed since <paramref name="etag"/> was read.</returns>
    Task<bool> TryUpdateAsync(Campaign campaign, string etag, CancellationToken cancellationToken);

    /// <summary>The campaigns <paramref name="ownerKey"/> started, newest first.</summary>
    Task<IReadOnlyList<Campaign>> ByOwnerAsync(string ownerKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredRecipient>> RecipientsAsync(string campaignId, CancellationToken cancellationToken);

    Task<StoredRecipient?> GetRecipientAsync(string campaignId, string recipientKey, CancellationToken cancellationToken);

    /// <returns>False when the recipient changed since <paramref name="etag"/> was read.</returns>
    Task<bool> TryUpdateRecipientAsync(string campaignId, CampaignRecipient recipient, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one to an anonymous form's count unless <paramref name="eventKey"/> (a hash naming the
    /// session or the response, never the person) was counted before. Returns whether it counted.
    /// </summary>
    Task<bool> CountAnonymousAsync(string campaignId, AnonymousCount count, string eventKey, CancellationToken cancellationToken);
}

/// <summary>
/// Told once when a campaign closes, by its date or by its owner: the summaries are distributed from
/// here (the summaries feature implements it).
/// </summary>
public interface ICampaignClosed
{
    Task ClosedAsync(Campaign campaign, CancellationToken cancellationToken);
}
