using SupervisionBot.Cards;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Summaries;

/// <summary>
/// Reads a summary from the aggregates of the places responses came from: the scope's own figures are
/// the merge of the places in it, and an area's or a group's breakdown merges them per group or per
/// school. The cost depends on the number of schools, never on the number of responses.
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
        // A group's breakdown lists the schools the directory puts in it, each with all its responses.
        bool InGroupsSchool(ResponsePlace place) => scope.Level == ScopeLevel.Group && place.SchoolCode is { } code && office.School(code)?.GroupNumber == scope.GroupNumber;
        var places = await aggregates.ReadPlacesAsync(form, scope.Campaign, place => scope.Contains(place) || InGroupsSchool(place), cancellationToken);
        var own = ScopeAggregate.Merge(form, places.Where(p => scope.Contains(p.Place)).Select(p => p.Aggregate));
        IReadOnlyList<(LocalizedText, ScopeAggregate)> breakdown = scope.Level switch
        {
            ScopeLevel.Area => Breakdown(form, places, p => p.GroupNumber is { } group ? SummaryScope.Group(group, scope.Campaign) : null, office),
            ScopeLevel.Group => Breakdown(form, places.Where(p => InGroupsSchool(p.Place)),
                p => SummaryScope.School(p.SchoolCode!, scope.Campaign), office),
            _ => [],
        };
        return FormResults.Build(form, own, scope.Title(office), invited, showTexts, breakdown, language);
    }

    private static (LocalizedText, ScopeAggregate)[] Breakdown(FormDefinition form, IEnumerable<PlaceAggregate> places, Func<ResponsePlace, SummaryScope?> partOf, OfficeDirectory office) =>
        places.Select(p => (Part: partOf(p.Place), p.Aggregate)).Where(p => p.Part is not null)
            .GroupBy(p => p.Part!)
            .Select(part => (part.Key.Title(office), ScopeAggregate.Merge(form, part.Select(p => p.Aggregate))))
            .ToArray();
}
