using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// Builds the summary card for a request: the campaign's invited count for the response rate, and a
/// refresh action while the campaign is open. Without campaign facts (none wired) a campaign's card
/// keeps refreshing, which only ever shows the latest numbers.
/// </summary>
public sealed class SummaryCards(SummaryReader reader, IOfficeDirectorySource directory, ICampaignFacts? campaigns = null)
{
    /// <summary>Null when the catalogue has no such form, or with <paramref name="skipEmpty"/> when nobody has answered in the scope.</summary>
    public async Task<AdaptiveCard?> BuildAsync(SummaryRequest request, bool showTexts, Language language, CancellationToken cancellationToken, bool skipEmpty = false)
    {
        var (results, campaign) = await ReadWithCampaignAsync(request, showTexts, language, cancellationToken);
        if (results is null || (skipEmpty && results.Respondents == 0))
        {
            return null;
        }
        var open = request.Scope.Campaign is not null && (campaign?.IsOpen ?? campaigns is null);
        return SummaryCard.Build(results, language, open ? request : null);
    }

    /// <summary>The figures the card shows (for a file of them); null when the catalogue has no such form.</summary>
    public async Task<FormResults?> ReadAsync(SummaryRequest request, bool showTexts, Language language, CancellationToken cancellationToken) =>
        (await ReadWithCampaignAsync(request, showTexts, language, cancellationToken)).Results;

    private async Task<(FormResults? Results, CampaignFacts? Campaign)> ReadWithCampaignAsync(SummaryRequest request, bool showTexts, Language language, CancellationToken cancellationToken)
    {
        var campaign = request.Scope.Campaign is { } id && campaigns is not null ? await campaigns.FindAsync(id, cancellationToken) : null;
        var office = await directory.CurrentAsync(cancellationToken);
        return (await reader.ReadAsync(request, SummaryAccess.Invited(campaign, office, request.Scope), showTexts, language, cancellationToken), campaign);
    }
}
