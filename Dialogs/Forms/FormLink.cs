namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// What a form was filled for: a campaign's invitation or a visit's checklist or satisfaction form.
/// It travels from the button that started the form into the stored response, so results can be
/// counted per campaign and per visit (and so per supervisor) without naming who answered.
/// </summary>
public sealed record FormLink(string? CampaignId, string? VisitId)
{
    public static FormLink None { get; } = new(null, null);

    public bool IsEmpty => CampaignId is null && VisitId is null;
}
