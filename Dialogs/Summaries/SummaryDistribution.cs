using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>How a distribution went: messages queued, and recipients the directory gives no way to reach.</summary>
public sealed record DistributionReport(string Purpose, int Queued, IReadOnlyList<string> Unreachable);

/// <summary>
/// Sends a form's summary where the manual says results go: each school group's card to the group's
/// channel and to its chair, each school's card to its director, and the area roll-up (the report of
/// supervision and follow-up results for the area) to the area director and the unit head. Called
/// when a campaign closes and on demand. Everything goes through the outbox, keyed by purpose,
/// recipient and scope, so calling it twice for the same purpose sends nothing twice.
/// Scopes nobody answered in are skipped: a card of dashes helps no one.
/// </summary>
public sealed class SummaryDistribution(SummaryCards cards, FormCatalogue catalogue, IOfficeDirectorySource directory, IOutbox outbox)
{
    /// <param name="purpose">The outbox purpose, e.g. "summary-&lt;campaign&gt;"; the same purpose again sends nothing new.</param>
    public async Task<DistributionReport> DistributeAsync(string formId, string? campaignId, string purpose, CancellationToken cancellationToken)
    {
        var form = catalogue.Find(formId) ?? throw new ArgumentException($"No form '{formId}' in the catalogue.", nameof(formId));
        var office = await directory.CurrentAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        var unreachable = new List<string>();

        async Task ToPersonAsync(string? email, SummaryScope scope)
        {
            if (email is null)
            {
                return;
            }
            if (office.PersonByEmail(email) is not { AadObjectId: { } aad } person)
            {
                unreachable.Add(email);
                return;
            }
            if (await CardAsync(form, scope, SummaryAccess.MaySeeTexts(form, person.Roles), cancellationToken) is { } card)
            {
                messages.Add(OutboxMessage.ToPerson(purpose, aad, Key(scope), Notice(form), CardJson.Serialize(card)));
            }
        }

        foreach (var group in office.Groups)
        {
            var scope = SummaryScope.Group(group.Number, campaignId);
            if (group.ChannelId is { } channel && await CardAsync(form, scope, showTexts: false, cancellationToken) is { } card)
            {
                messages.Add(OutboxMessage.ToChannel(purpose, channel, Key(scope), Notice(form), CardJson.Serialize(card)));
            }
            await ToPersonAsync(group.ChairEmail, scope);
        }
        foreach (var school in office.Schools)
        {
            await ToPersonAsync(school.DirectorEmail, SummaryScope.School(school.Code, campaignId));
        }
        foreach (var head in office.People.Where(p => p.Holds(RespondentRole.AreaDirector) || p.Holds(RespondentRole.UnitHead)))
        {
            await ToPersonAsync(head.Email, SummaryScope.Area(campaignId));
        }
        var queued = await outbox.EnqueueAsync(messages, cancellationToken);
        return new DistributionReport(purpose, queued, unreachable);
    }

    private Task<AdaptiveCard?> CardAsync(FormDefinition form, SummaryScope scope, bool showTexts, CancellationToken cancellationToken) =>
        cards.BuildAsync(new SummaryRequest(form.Id, scope), showTexts, Language.Thai, cancellationToken, skipEmpty: true);

    private static string Key(SummaryScope scope) => $"{scope.Level}:{scope.Key ?? "area"}";

    // Shown in the notification; the card holds the rest.
    private static string Notice(FormDefinition form) => $"สรุปผล: {form.Title.Th}";
}
