using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Routing;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// Campaigns in chat, for supervisors and admins (the router has checked that): “ส่งแบบสำรวจ”
/// opens the guided card, “แบบสำรวจของฉัน” lists the owner's campaigns. A campaign's own buttons
/// work for its owner, and for admins, who look after every campaign.
/// </summary>
public sealed class CampaignFeature(
    CampaignCards cards,
    CampaignLauncher launcher,
    CampaignDelivery delivery,
    CampaignCloser closer,
    CampaignJobs jobs,
    ICampaignStore store,
    IOutbox outbox,
    RecipientMoves moves,
    IOfficeDirectorySource directory,
    TimeProvider time) : ITurnFeature
{
    private const int MaxAttempts = 10;

    public IReadOnlyCollection<CommandKind> Commands => [CommandKind.StartCampaign, CommandKind.MyCampaigns];

    public string VerbPrefix => CampaignVerbs.Prefix;

    public async Task<TurnResult> CommandAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CommandKind command, string argument, CancellationToken cancellationToken)
    {
        var card = command == CommandKind.StartCampaign
            ? cards.Builder(await directory.CurrentAsync(cancellationToken), turn.Language)
            : await ListAsync(turn, cancellationToken);
        return TurnResult.With(OutgoingMessage.Of(card));
    }

    public async Task<TurnResult> CardActionAsync(Turn turn, IReadOnlySet<RespondentRole> roles, CardAction action, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        switch (action.Verb)
        {
            case CampaignVerbs.Preview:
                return Replace(await PreviewAsync(turn, action.Data, cancellationToken));
            case CampaignVerbs.Start:
                return Replace(await StartAsync(turn, action.Data, cancellationToken));
            case CampaignVerbs.List:
                return Replace(await ListAsync(turn, cancellationToken));
        }
        if (Text(action.Data, CampaignCards.CampaignKey) is not { } id
            || await store.GetAsync(id, cancellationToken) is not { Campaign: var campaign }
            || !(campaign.OwnerKey == OwnerKey(turn.User) || roles.Contains(RespondentRole.Admin)))
        {
            // Not theirs (or gone): the same answer either way, so ids cannot be probed.
            return Replace(SessionCards.Notice(CampaignTexts.NotFoundTitle(language), CampaignTexts.NotFound(language)));
        }
        string? notice = null;
        switch (action.Verb)
        {
            case CampaignVerbs.Resend:
                notice = await ResendAsync(campaign, language, cancellationToken);
                break;
            case CampaignVerbs.Extend:
                notice = await ExtendAsync(campaign, Text(action.Data, CampaignCards.ClosesInput), language, cancellationToken);
                break;
            case CampaignVerbs.Close:
                notice = await closer.CloseNowAsync(campaign.Id, cancellationToken) ? CampaignTexts.Closed(language) : CampaignTexts.AlreadyClosed(language);
                break;
        }
        return Replace(await DetailAsync(campaign.Id, language, notice, cancellationToken));
    }

    private async Task<AdaptiveCard> PreviewAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var office = await directory.CurrentAsync(cancellationToken);
        var audience = AudienceFrom(data);
        if (audience.Length == 0)
        {
            return cards.Builder(office, turn.Language, CampaignTexts.ChooseAudience(turn.Language), data);
        }
        var check = await launcher.CheckAsync(Request(turn, Text(data, CampaignCards.FormInput) ?? "", audience, Text(data, CampaignCards.ClosesInput) ?? ""), cancellationToken);
        return check.Plan is { } plan
            ? CampaignCards.Confirmation(plan, turn.Language)
            : cards.Builder(office, turn.Language, check.Problem!.Get(turn.Language), data);
    }

    private async Task<AdaptiveCard> StartAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        // Checked again: the directory or the date may have moved on since the confirmation was shown.
        var check = await launcher.CheckAsync(Request(turn, Text(data, CampaignCards.FormInput) ?? "", Text(data, CampaignCards.AudienceInput) ?? "", Text(data, CampaignCards.ClosesInput) ?? ""), cancellationToken);
        if (check.Plan is not { } plan)
        {
            return cards.Builder(await directory.CurrentAsync(cancellationToken), turn.Language, check.Problem!.Get(turn.Language), data);
        }
        var campaign = await launcher.StartAsync(plan, cancellationToken);
        return await DetailAsync(campaign.Id, turn.Language, CampaignTexts.Started(turn.Language, plan.Reachable), cancellationToken);
    }

    private async Task<AdaptiveCard> ListAsync(Turn turn, CancellationToken cancellationToken)
    {
        var mine = new List<(Campaign, CampaignCounts)>();
        foreach (var campaign in await store.ByOwnerAsync(OwnerKey(turn.User), cancellationToken))
        {
            var recipients = (await store.RecipientsAsync(campaign.Id, cancellationToken)).Select(r => r.Recipient).ToList();
            mine.Add((campaign, CampaignCounts.Of(campaign, recipients)));
        }
        return cards.List(mine, turn.Language);
    }

    private async Task<AdaptiveCard> DetailAsync(string campaignId, Language language, string? notice, CancellationToken cancellationToken)
    {
        var campaign = (await store.GetAsync(campaignId, cancellationToken))!.Campaign;
        var recipients = await delivery.RefreshAsync(campaign, cancellationToken);
        return cards.Detail(campaign, recipients, await directory.CurrentAsync(cancellationToken), language, notice);
    }

    private async Task<string> ResendAsync(Campaign campaign, Language language, CancellationToken cancellationToken)
    {
        var retried = await outbox.RetryFailedAsync(campaign.OutboxPurpose, cancellationToken);
        foreach (var failed in await outbox.UndeliveredAsync(campaign.OutboxPurpose, cancellationToken))
        {
            if (failed.MessageKey == InvitationCards.InvitationKey && failed.Status != OutboxStatus.Failed)
            {
                await moves.MoveAsync(campaign.Id, failed.Recipient, RecipientStatus.Invited, null, cancellationToken);
            }
        }
        return CampaignTexts.Resent(language, retried);
    }

    private async Task<string> ExtendAsync(Campaign campaign, string? typed, Language language, CancellationToken cancellationToken)
    {
        if (campaign.Status == CampaignStatus.Closed)
        {
            return CampaignTexts.AlreadyClosed(language);
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ThaiDates.Bangkok).DateTime);
        if (!ThaiDates.TryParseDate(typed, out var closesOn) || closesOn < today)
        {
            return CampaignTexts.BadExtension(language, typed);
        }
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetAsync(campaign.Id, cancellationToken) is not { Campaign.Status: CampaignStatus.Open } stored)
            {
                return CampaignTexts.AlreadyClosed(language);
            }
            var extended = stored.Campaign with { ClosesOn = closesOn };
            if (await store.TryUpdateAsync(extended, stored.ETag, cancellationToken))
            {
                await jobs.PlanAsync(extended, cancellationToken);
                return CampaignTexts.Extended(language, closesOn);
            }
        }
        throw new InvalidOperationException($"Campaign {campaign.Id} kept changing while it was being extended.");
    }

    /// <summary>The guided card's choices as an audience: groups or schools, and roles, and areas, and anything typed.</summary>
    public static string AudienceFrom(JsonObject data)
    {
        IEnumerable<string> Values(string key, string kind) =>
            (Text(data, key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => $"{kind}:{v}");
        var clauses = new[]
        {
            string.Join(',', Values(CampaignCards.GroupsInput, "group").Concat(Values(CampaignCards.SchoolsInput, "school"))),
            string.Join(',', Values(CampaignCards.RolesInput, "role")),
            string.Join(',', Values(CampaignCards.AreasInput, "area")),
            Text(data, CampaignCards.AudienceInput)?.Trim() ?? "",
        };
        return string.Join(';', clauses.Where(c => c.Length > 0));
    }

    private static CampaignRequest Request(Turn turn, string formId, string audience, string closes) =>
        new(formId, audience, closes, OwnerKey(turn.User), turn.User.Name ?? turn.User.Id);

    private static string OwnerKey(Participant user) => user.AadObjectId ?? user.Id;

    private static string? Text(JsonObject data, string key) => FormActionData.Text(data, key);

    private static TurnResult Replace(AdaptiveCard card) => new() { UpdatedCard = card };
}
