using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Timeline;

public enum TimelineKind
{
    Survey,
    Visit,
    Response,
    FollowUp,
}

/// <summary>One line of a school's timeline: what happened when, in both languages.</summary>
public sealed record TimelineEntry(DateTimeOffset AtUtc, TimelineKind Kind, LocalizedText What, LocalizedText? Detail = null);
