using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Export;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Rows of text as a file, streamed row by row: CSV in UTF-8 with a BOM (so Excel reads Thai) or a
/// one-sheet XLSX written with the SAX-style OpenXmlWriter onto a write-only stream, so no part is
/// held in memory. The caller owns the stream: the chat export reads its temporary file back to upload it.
/// </summary>
public static class TableFile
{
    /// <returns>How many rows were written, the header included.</returns>
    public static Task<int> WriteAsync(IAsyncEnumerable<IReadOnlyList<string>> rows, ExportFormat format, string sheetName, Stream output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv ? WriteCsvAsync(rows, output, cancellationToken) : WriteXlsxAsync(rows, sheetName, output, cancellationToken);

    private static async Task<int> WriteCsvAsync(IAsyncEnumerable<IReadOnlyList<string>> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CsvRows.Write([row]));
            count++;
        }
        return count;
    }

    private static async Task<int> WriteXlsxAsync(IAsyncEnumerable<IReadOnlyList<string>> rows, string sheetName, Stream output, CancellationToken cancellationToken)
    {
        // The SDK's SpreadsheetDocument needs a readable package, which keeps every part in memory until
        // it is saved. A ZIP in create mode streams each entry to the file instead, so the package's
        // four small fixed parts are written as text and the sheet with the SAX-style OpenXmlWriter.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, xml) in XlsxParts.Fixed(sheetName))
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
            await foreach (var row in rows.WithCancellation(cancellationToken))
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
        return count;
    }
}

/// <summary>The parts of a one-sheet workbook other than the sheet itself (ECMA-376 SpreadsheetML).</summary>
internal static class XlsxParts
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";

    /// <param name="sheetName">A constant of ours: it is written into the XML as it is.</param>
    public static (string Name, string Xml)[] Fixed(string sheetName) =>
    [
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
        ("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
    ];
}
