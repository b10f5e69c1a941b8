using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// Reads a summary from the aggregates: the scope's own row and, for an area or a group, the rows of
/// the groups or schools in it for the breakdown. The cost depends on the number of schools, never on
/// the number of responses.
/// </summary>
public sealed class SummaryReader(IResponseAggregates aggregates, FormCatalogue catalogue, IOfficeDirectorySource directory)
{
    /// <summary>Null when the catalogue has no such form.</summary>
    /// <param name="invited">How many were asked to answer, when known (a campaign's recipients).</param>
    /// <param name="showTexts">Whether free-text answers may be listed to whoever reads this.</param>
    public async Task<FormResults?> ReadAsync(SummaryRequest request, long? invited, bool showTexts, Language language, CancellationToken cancellationToken)
    {
        if (catalogue.Find(request.FormId) is not { } form)
        {
            return null;
        }
        var office = await directory.CurrentAsync(cancellationToken);
        var scope = request.Scope;
        var own = await aggregates.ReadAsync(form, scope, cancellationToken);
        IReadOnlyList<(LocalizedText, ScopeAggregate)> breakdown = scope.Level switch
        {
            ScopeLevel.Area => (await aggregates.ReadLevelAsync(form, ScopeLevel.Group, scope.Campaign, cancellationToken))
                .Select(part => (part.Scope.Title(office), part.Aggregate)).ToArray(),
            ScopeLevel.Group => (await aggregates.ReadLevelAsync(form, ScopeLevel.School, scope.Campaign, cancellationToken))
                .Where(part => office.School(part.Scope.Key!)?.GroupNumber == scope.GroupNumber)
                .Select(part => (part.Scope.Title(office), part.Aggregate)).ToArray(),
            _ => [],
        };
        return FormResults.Build(form, own, scope.Title(office), invited, showTexts, breakdown, language);
    }
}
