using System.Globalization;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Timeline;

namespace SupervisionBot.Bot.Timeline;

/// <summary>
/// The SchoolHistory table: partition = school code, row = reversed submit time and reference, so a
/// school's newest records come first from one partition query and a repeat writes the same row.
/// </summary>
public sealed class TableSchoolHistory(SupervisionTables tables) : ISchoolHistory
{
    public async Task RecordAsync(SchoolRecord record, CancellationToken cancellationToken)
    {
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - record.SubmittedUtc.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(TableKeys.Escape(record.SchoolCode), newestFirst + "|" + TableKeys.Escape(record.ReferenceNumber))
        {
            ["SchoolCode"] = record.SchoolCode,
            ["FormId"] = record.FormId,
            ["ReferenceNumber"] = record.ReferenceNumber,
            ["SubmittedUtc"] = record.SubmittedUtc.ToUniversalTime(),
        };
        await tables.SchoolHistory.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<SchoolRecord>> ListAsync(string schoolCode, int max, CancellationToken cancellationToken)
    {
        var records = new List<SchoolRecord>();
        var partition = TableKeys.Escape(schoolCode.Trim().ToUpperInvariant());
        await foreach (var e in tables.SchoolHistory.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            records.Add(new SchoolRecord(e.GetString("SchoolCode"), e.GetString("FormId"), e.GetString("ReferenceNumber"), e.GetDateTimeOffset("SubmittedUtc") ?? DateTimeOffset.MinValue));
            if (records.Count >= max)
            {
                break;
            }
        }
        return records;
    }
}
