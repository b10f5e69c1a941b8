using SupervisionBot.Dialogs.Calendar;

namespace SupervisionBot.Dialogs.Campaigns;

public enum CampaignStatus
{
    Open,
    Closed,
}

/// <summary>
/// A form sent to many people at once (e.g. the needs survey to every teacher of two school
/// groups), open until the end of its close date in Bangkok. For an anonymous form the campaign
/// knows only how many started and submitted, never who.
/// </summary>
public sealed record Campaign
{
    public required string Id { get; init; }
    public required string FormId { get; init; }

    /// <summary>The audience as it was typed (see <see cref="AudienceSpec"/>), kept so the owner sees whom it went to.</summary>
    public required string Audience { get; init; }

    /// <summary>Who started it: their AAD object id in chat, or "cli" from the admin's command line.</summary>
    public required string OwnerKey { get; init; }

    public required string OwnerName { get; init; }
    public required DateTimeOffset OpenedUtc { get; init; }

    /// <summary>The last day answers are taken (Bangkok); the campaign closes when it ends.</summary>
    public required DateOnly ClosesOn { get; init; }

    public required bool Anonymous { get; init; }
    public CampaignStatus Status { get; init; } = CampaignStatus.Open;
    public DateTimeOffset? ClosedUtc { get; init; }

    /// <summary>Set once <see cref="ICampaignClosed"/> has been told, so the summaries go out once.</summary>
    public bool ClosedNotified { get; init; }

    /// <summary>Anonymous forms only: how many started and submitted through this campaign.</summary>
    public int AnonymousStarted { get; init; }

    public int AnonymousSubmitted { get; init; }

    /// <summary>The moment the close date ends in Bangkok: midnight after it.</summary>
    public DateTimeOffset ClosesAtUtc => ClosingMoment(ClosesOn);

    public static DateTimeOffset ClosingMoment(DateOnly closesOn) =>
        new DateTimeOffset(closesOn.AddDays(1).ToDateTime(TimeOnly.MinValue), ThaiDates.Bangkok.BaseUtcOffset).ToUniversalTime();

    /// <summary>The outbox purpose of its invitations and reminders: counts and retries are per campaign.</summary>
    public string OutboxPurpose => PurposeOf(Id);

    public static string PurposeOf(string campaignId) => "campaign-" + campaignId;
}

/// <summary>Where one recipient is: each step only moves forward (a failed invitation can still be delivered on a resend).</summary>
public enum RecipientStatus
{
    Invited,
    Delivered,

    /// <summary>Not delivered: <see cref="CampaignRecipient.Reason"/> says why (also people who cannot be reached in Teams at all).</summary>
    Failed,

    Started,

    /// <summary>Named forms only: for an anonymous form nobody is ever marked submitted.</summary>
    Submitted,
}

/// <summary>One person a campaign was sent to.</summary>
/// <param name="Key">Their AAD object id, or "mail:" and their email when the directory has no AAD id for them.</param>
public sealed record CampaignRecipient(
    string Key,
    string Email,
    string DisplayName,
    string? AadObjectId,
    string? SchoolCode,
    RecipientStatus Status,
    string? Reason = null)
{
    public static string KeyOf(string? aadObjectId, string email) => aadObjectId ?? "mail:" + email;

    public bool Reachable => AadObjectId is not null;

    /// <summary>Whether the recipient may move to <paramref name="next"/>: never backwards, but a failed invitation can be resent and delivered.</summary>
    public bool CanMoveTo(RecipientStatus next) =>
        Rank(next) > Rank(Status) || (Status == RecipientStatus.Failed && next is RecipientStatus.Invited or RecipientStatus.Delivered);

    private static int Rank(RecipientStatus status) => status switch
    {
        RecipientStatus.Invited => 0,
        RecipientStatus.Delivered or RecipientStatus.Failed => 1,
        RecipientStatus.Started => 2,
        _ => 3,
    };
}

/// <summary>What the owner sees of a campaign: its recipients by status (anonymous counts from the campaign itself).</summary>
public sealed record CampaignCounts(int Recipients, int Invited, int Delivered, int Failed, int Started, int Submitted)
{
    public static CampaignCounts Of(Campaign campaign, IReadOnlyCollection<CampaignRecipient> recipients)
    {
        int Count(RecipientStatus status) => recipients.Count(r => r.Status == status);
        // Started and submitted people were delivered too; "delivered" counts everyone who got it.
        var delivered = Count(RecipientStatus.Delivered) + Count(RecipientStatus.Started) + Count(RecipientStatus.Submitted);
        return campaign.Anonymous
            ? new(recipients.Count, Count(RecipientStatus.Invited), delivered, Count(RecipientStatus.Failed), campaign.AnonymousStarted, campaign.AnonymousSubmitted)
            : new(recipients.Count, Count(RecipientStatus.Invited), delivered, Count(RecipientStatus.Failed),
                Count(RecipientStatus.Started) + Count(RecipientStatus.Submitted), Count(RecipientStatus.Submitted));
    }
}
