using SupervisionBot.Dialogs.Campaigns;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// A closing campaign's summaries go out to channels, chairs, directors and the area, once per
/// campaign: the outbox purpose names it, so a close job that runs again sends nothing new.
/// </summary>
public sealed class CampaignSummaries(SummaryDistribution distribution) : ICampaignClosed
{
    public static string PurposeOf(string campaignId) => "summary-" + campaignId;

    public async Task ClosedAsync(Campaign campaign, CancellationToken cancellationToken) =>
        await distribution.DistributeAsync(campaign.FormId, campaign.Id, PurposeOf(campaign.Id), cancellationToken);
}

/// <summary>A summary's response rate counts the recipients its campaign named, school by school.</summary>
public sealed class CampaignFactsFromStore(ICampaignStore campaigns) : ICampaignFacts
{
    public async Task<CampaignFacts?> FindAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } stored)
        {
            return null;
        }
        var recipients = await campaigns.RecipientsAsync(campaignId, cancellationToken);
        var bySchool = recipients.Where(r => r.Recipient.SchoolCode is not null)
            .GroupBy(r => r.Recipient.SchoolCode!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.OrdinalIgnoreCase);
        return new CampaignFacts(campaignId, stored.Campaign.Status == CampaignStatus.Open, bySchool, recipients.Count);
    }
}
