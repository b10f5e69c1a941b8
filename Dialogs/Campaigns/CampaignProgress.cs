using System.Security.Cryptography;
using System.Text;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// Follows recipients as they start and submit a campaign's form. A named form moves the person's
/// row; an anonymous form only adds to the campaign's counts, keyed by a hash of the session or
/// response so a repeated call counts once, and never by who it was.
/// </summary>
public sealed class CampaignProgress(ICampaignStore store, RecipientMoves moves) : IFormProgress
{
    public async Task StartedAsync(FormSession session, CancellationToken cancellationToken)
    {
        if (await CampaignOfAsync(session.Link, session.FormId, cancellationToken) is not { } campaign)
        {
            return;
        }
        // The link came from a card the client could forge: only the campaign's own recipients count.
        if (await store.GetRecipientAsync(campaign.Id, session.RespondentKey, cancellationToken) is null)
        {
            return;
        }
        if (campaign.Anonymous)
        {
            await store.CountAnonymousAsync(campaign.Id, AnonymousCount.Started, EventKey(campaign.Id, session.SessionId), cancellationToken);
            return;
        }
        await moves.MoveAsync(campaign.Id, session.RespondentKey, RecipientStatus.Started, null, cancellationToken);
    }

    public async Task SubmittedAsync(FormResponse response, string? respondentKey, CancellationToken cancellationToken)
    {
        if (await CampaignOfAsync(response.Link, response.FormId, cancellationToken) is not { } campaign)
        {
            return;
        }
        if (campaign.Anonymous || respondentKey is null)
        {
            await store.CountAnonymousAsync(campaign.Id, AnonymousCount.Submitted, EventKey(campaign.Id, response.ReferenceNumber), cancellationToken);
            return;
        }
        await moves.MoveAsync(campaign.Id, respondentKey, RecipientStatus.Submitted, null, cancellationToken);
    }

    private async Task<Campaign?> CampaignOfAsync(FormLink link, string formId, CancellationToken cancellationToken) =>
        link.CampaignId is { } id && await store.GetAsync(id, cancellationToken) is { } stored && stored.Campaign.FormId == formId
            ? stored.Campaign
            : null;

    /// <summary>Not the session id or reference itself: the count's rows lead to no session, response or person.</summary>
    private static string EventKey(string campaignId, string eventId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(campaignId + "\n" + eventId)), 0, 16).ToLowerInvariant();
}

/// <summary>Moves a recipient forward under their row's tag, trying again when another instance moved them first.</summary>
public sealed class RecipientMoves(ICampaignStore store)
{
    private const int MaxAttempts = 10;

    /// <returns>False when the recipient is unknown or already further on.</returns>
    public async Task<bool> MoveAsync(string campaignId, string recipientKey, RecipientStatus status, string? reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetRecipientAsync(campaignId, recipientKey, cancellationToken) is not { } stored
                || !(stored.Recipient.CanMoveTo(status) || (status == RecipientStatus.Failed && stored.Recipient.Status == RecipientStatus.Failed && stored.Recipient.Reason != reason)))
            {
                return false;
            }
            if (await store.TryUpdateRecipientAsync(campaignId, stored.Recipient with { Status = status, Reason = reason }, stored.ETag, cancellationToken))
            {
                return true;
            }
        }
        throw new InvalidOperationException($"Recipient {recipientKey} of campaign {campaignId} kept changing.");
    }
}
