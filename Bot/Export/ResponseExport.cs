using System.Globalization;
using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Export;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Summaries;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Streams a form's responses, a page of the table at a time, into CSV (UTF-8 with a BOM, so Excel
/// reads Thai) or XLSX (written with the SAX-style OpenXmlWriter onto a write-only stream, so no part
/// is held in memory). Columns: the reference, version, time, campaign, school and group, the
/// respondent for named forms only (an anonymous form has no identity column), then one per item
/// of the form's current version, answers as stored.
/// </summary>
public sealed class ResponseExport(SupervisionTables tables, FormCatalogue catalogue, OfficeDirectory directory)
{
    /// <returns>How many responses were written.</returns>
    public Task<int> WriteAsync(ExportFilter filter, ExportFormat format, Stream output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv ? WriteCsvAsync(filter, output, cancellationToken) : WriteXlsxAsync(filter, output, cancellationToken);

    public async Task<int> WriteCsvAsync(ExportFilter filter, Stream output, CancellationToken cancellationToken)
    {
        // The caller owns the stream: the chat export reads its temporary file back to upload it.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var count = 0;
        await foreach (var row in RowsAsync(filter, cancellationToken))
        {
            await writer.WriteAsync(CsvRows.Write([row]));
            count++;
        }
        return count - 1; // the header
    }

    public async Task<int> WriteXlsxAsync(ExportFilter filter, Stream output, CancellationToken cancellationToken)
    {
        // The SDK's SpreadsheetDocument needs a readable package, which keeps every part in memory until
        // it is saved. A ZIP in create mode streams each entry to the file instead, so the package's
        // four small fixed parts are written as text and the sheet with the SAX-style OpenXmlWriter.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, xml) in XlsxParts.Fixed)
        {
            await using var part = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            await part.WriteAsync(xml);
        }
        var count = 0;
        await using (var sheetStream = zip.CreateEntry(XlsxParts.SheetPath, CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(sheetStream))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            await foreach (var row in RowsAsync(filter, cancellationToken))
            {
                writer.WriteStartElement(new Row());
                foreach (var value in row)
                {
                    // Inline strings: a shared-string table would have to hold every answer in memory until the end.
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }
                writer.WriteEndElement();
                count++;
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return count - 1;
    }

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

/// <summary>The parts of a one-sheet workbook other than the sheet itself (ECMA-376 SpreadsheetML).</summary>
internal static class XlsxParts
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";

    public static readonly (string Name, string Xml)[] Fixed =
    [
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
        ("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="responses" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
    ];
}
