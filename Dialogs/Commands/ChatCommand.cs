using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Commands;

public enum CommandKind
{
    Forms,
    Survey,
    Visit,
    Satisfaction,
    Meeting,
    Status,
    Resume,
    Cancel,
    Language,
    Help,
    FollowUps,
    Timeline,

    /// <summary>Who can be reached in chat, per school (supervisors and admins).</summary>
    Reach,

    /// <summary>Send a form to many people (a campaign).</summary>
    StartCampaign,

    /// <summary>The campaigns the user sent, with their counts and actions.</summary>
    MyCampaigns,

    /// <summary>Plan a supervision visit (นัดนิเทศ).</summary>
    ScheduleVisit,

    /// <summary>A supervisor's visits by week; a director's school's.</summary>
    MyVisits,

    /// <summary>สรุป / summary: a form's results for a scope the user may see.</summary>
    Summary,

    /// <summary>ส่งออก / export: a form's responses as a CSV or XLSX file in the personal chat.</summary>
    Export,
}

/// <summary>A command users can type, in Thai or English; both work whatever the user's language.</summary>
public sealed record ChatCommand(CommandKind Kind, string ThaiKeyword, string EnglishKeyword, string ThaiDescription, string EnglishDescription)
{
    public string Keyword(Language language) => language == Language.Thai ? ThaiKeyword : EnglishKeyword;

    public string Description(Language language) => language == Language.Thai ? ThaiDescription : EnglishDescription;
}
