using System.Globalization;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Streams a form's responses, a page of the table at a time, into CSV or XLSX (<see cref="TableFile"/>). Columns: the reference, version, time, campaign, school and group, the
/// respondent for named forms only (an anonymous form has no identity column), then one per item
/// of the form's current version, answers as stored.
/// </summary>
public sealed class ResponseExport(SupervisionTables tables, FormCatalogue catalogue, OfficeDirectory directory)
{
    /// <returns>How many responses were written.</returns>
    public async Task<int> WriteAsync(ExportFilter filter, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        await TableFile.WriteAsync(RowsAsync(filter, cancellationToken), format, "responses", output, cancellationToken) - 1; // the header

    /// <summary>The header, then each matching response's row.</summary>
    private async IAsyncEnumerable<IReadOnlyList<string>> RowsAsync(ExportFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = catalogue.Find(filter.FormId) ?? throw new ArgumentException($"No form '{filter.FormId}'.", nameof(filter));
        var named = !current.Settings.Anonymous;
        var items = current.Items.Select(i => i.Id).ToArray();
        yield return [.. (named ? Header : Header.Where(h => h != "respondent")), .. items];

        var query = tables.Responses.QueryAsync<TableEntity>(QueryFilter(filter), maxPerPage: 1000, cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            var version = entity.GetInt32("FormVersion") ?? 1;
            var form = catalogue.Find(filter.FormId, version) ?? current;
            var response = new FormResponse(filter.FormId, version, entity.GetString("ReferenceNumber") ?? string.Empty, AnswersColumns.Read(entity),
                entity.GetDateTimeOffset("SubmittedUtc") ?? DateTimeOffset.MinValue, entity.GetString("Respondent")) { Link = LinkColumns.Read(entity) };
            var place = ResponsePlace.Of(form, response, directory);
            if ((filter.CampaignId is { } campaign && response.Link.CampaignId != campaign)
                || (filter.GroupNumber is { } group && place.GroupNumber != group)
                || (filter.SchoolCode is { } school && !string.Equals(place.SchoolCode, school, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var fixedColumns = new List<string>
            {
                response.ReferenceNumber,
                version.ToString(CultureInfo.InvariantCulture),
                response.SubmittedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                response.Link.CampaignId ?? string.Empty,
                place.SchoolCode ?? string.Empty,
                place.GroupNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            };
            if (named)
            {
                fixedColumns.Add(response.Respondent ?? string.Empty);
            }
            yield return [.. fixedColumns, .. items.Select(id => response.Answers.Get(id) ?? string.Empty)];
        }
    }

    /// <summary>
    /// The form's partition and, when given, the submit-time range, so the table sends only the rows
    /// asked for; campaign, school and group are read from each row (the school of an answer can
    /// come from its answers), so they are filtered here.
    /// </summary>
    internal static string QueryFilter(ExportFilter filter)
    {
        // The form's aggregate rows follow its responses in the partition.
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(filter.FormId)} and RowKey lt {TableResponseAggregates.RowPrefix}") };
        if (filter.FromUtc is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"SubmittedUtc ge {from}"));
        }
        if (filter.BeforeUtc is { } before)
        {
            parts.Add(TableClient.CreateQueryFilter($"SubmittedUtc lt {before}"));
        }
        return string.Join(" and ", parts);
    }

    private static readonly string[] Header = ["reference", "form_version", "submitted_utc", "campaign", "school", "group", "respondent"];
}
