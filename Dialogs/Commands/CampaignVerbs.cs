namespace SupervisionBot.Dialogs.Commands;

/// <summary>The campaign cards' button verbs; every one is for campaign owners (see AccessPolicy.ForVerb).</summary>
public static class CampaignVerbs
{
    public const string Prefix = "campaign.";

    /// <summary>Guided card → confirmation with the recipient count.</summary>
    public const string Preview = "campaign.preview";

    public const string Start = "campaign.start";
    public const string List = "campaign.list";

    /// <summary>Who has not responded, school by school.</summary>
    public const string Pending = "campaign.pending";

    /// <summary>Sends the failed invitations again.</summary>
    public const string Resend = "campaign.resend";

    public const string Extend = "campaign.extend";
    public const string Close = "campaign.close";

    public static IReadOnlyList<string> All { get; } = [Preview, Start, List, Pending, Resend, Extend, Close];
}
