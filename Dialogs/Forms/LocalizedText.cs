using SupervisionBot.Cards;

namespace SupervisionBot.Dialogs.Forms;

/// <summary>
/// A user-visible text in Thai and English. Both are required so that no user ever sees a blank
/// label because a translation was forgotten.
/// </summary>
public sealed record LocalizedText
{
    public LocalizedText(string th, string en)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(th);
        ArgumentException.ThrowIfNullOrWhiteSpace(en);
        Th = th;
        En = en;
    }

    public string Th { get; }

    public string En { get; }

    public string Get(Language language) => language == Language.English ? En : Th;

    public override string ToString() => Th;
}
