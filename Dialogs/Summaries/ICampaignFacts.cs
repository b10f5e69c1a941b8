namespace SupervisionBot.Dialogs.Summaries;

/// <summary>What summaries need to know of a campaign: whether it is still open and how many it invited.</summary>
public interface ICampaignFacts
{
    /// <summary>Null when there is no such campaign.</summary>
    Task<CampaignFacts?> FindAsync(string campaignId, CancellationToken cancellationToken);
}

/// <param name="InvitedBySchool">Recipients invited per school code, for the response rate of a school, a group or the area.</param>
public sealed record CampaignFacts(string CampaignId, bool IsOpen, IReadOnlyDictionary<string, long> InvitedBySchool, long InvitedTotal);
