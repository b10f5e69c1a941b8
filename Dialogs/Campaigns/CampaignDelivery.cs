using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// Brings the recipients' delivered and failed states in from the outbox, which alone knows them:
/// an invitation no longer undelivered was sent; a failed one keeps the outbox's reason.
/// </summary>
public sealed class CampaignDelivery(ICampaignStore store, IOutbox outbox, RecipientMoves moves)
{
    public async Task<IReadOnlyList<CampaignRecipient>> RefreshAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var undelivered = (await outbox.UndeliveredAsync(campaign.OutboxPurpose, cancellationToken))
            .Where(m => m.MessageKey == InvitationCards.InvitationKey)
            .ToDictionary(m => m.Recipient, StringComparer.OrdinalIgnoreCase);
        var recipients = new List<CampaignRecipient>();
        foreach (var stored in await store.RecipientsAsync(campaign.Id, cancellationToken))
        {
            var recipient = stored.Recipient;
            if (recipient.AadObjectId is { } aad && recipient.Status is RecipientStatus.Invited or RecipientStatus.Failed
                && recipient.Reason != CampaignLauncher.MayNotFillReason)
            {
                var (status, reason) = undelivered.TryGetValue(aad, out var message)
                    ? message.Status == OutboxStatus.Failed
                        ? (RecipientStatus.Failed, $"{message.Failure}: {message.Reason}")
                        : (RecipientStatus.Invited, null)
                    : (RecipientStatus.Delivered, (string?)null);
                if (status != recipient.Status || reason != recipient.Reason)
                {
                    await moves.MoveAsync(campaign.Id, recipient.Key, status, reason, cancellationToken);
                    recipient = (await store.GetRecipientAsync(campaign.Id, recipient.Key, cancellationToken))?.Recipient ?? recipient;
                }
            }
            recipients.Add(recipient);
        }
        return recipients;
    }
}
