using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.AreaDirectory;

namespace SupervisionBot.Bot.AreaDirectory;

/// <summary>The version of the directory the pointer row names, with the pointer's ETag.</summary>
public sealed record StoredDirectory(OfficeDirectory Directory, string? Version, ETag? PointerETag, string? Previous = null);

/// <summary>
/// The directory in the Directory table. Each import writes a complete new version under a
/// partition of its own ("v-&lt;version&gt;": each kind's canonical CSV, cut into chunks), then flips
/// the one pointer row to it with an ETag check. Readers follow the pointer, so they see the old
/// version or the new one, never a mix; two imports at once cannot both win.
/// </summary>
public sealed class TableDirectoryStore(SupervisionTables tables, TimeProvider time, ILogger<TableDirectoryStore> logger) : IDirectoryImporter
{
    private const string PointerPartition = "pointer";
    private const string PointerRow = "current";

    /// <summary>A string column holds at most 64 KiB (32K UTF-16 characters); stay well under it.</summary>
    internal const int ChunkChars = 30_000;

    /// <summary>A version whose partition is being read may be dropped by a second import; readers retry from the pointer.</summary>
    private const int ReadAttempts = 3;

    private const int ImportAttempts = 3;

    /// <summary>Told after every import this instance makes, so its own cache never serves the old version.</summary>
    public event Action? Imported;

    public async Task<StoredDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var pointer = await ReadPointerAsync(cancellationToken);
            if (pointer is null)
            {
                return new StoredDirectory(OfficeDirectory.Empty, null, null);
            }
            var directory = await ReadVersionAsync(pointer, cancellationToken);
            if (directory is not null)
            {
                return new StoredDirectory(directory, pointer.GetString("Version"), pointer.ETag, pointer.GetString("Previous"));
            }
            if (attempt == ReadAttempts)
            {
                throw new InvalidOperationException($"Directory version {pointer.GetString("Version")} is incomplete in storage.");
            }
        }
    }

    /// <summary>The pointer's ETag alone: how other instances notice an import cheaply.</summary>
    public async Task<ETag?> PointerETagAsync(CancellationToken cancellationToken) =>
        (await ReadPointerAsync(cancellationToken))?.ETag;

    public async Task<ImportReport> ImportAsync(IReadOnlyList<DirectoryFile> files, CancellationToken cancellationToken) =>
        (await ImportOverAsync(files, basedOn: null, cancellationToken))!;

    /// <summary>
    /// Imports files made from the directory version <paramref name="basedOn"/> (null: whatever is
    /// current). Null when another import has replaced that version meanwhile: files made from the
    /// old one would undo it, so the caller makes them again from the new one.
    /// </summary>
    public async Task<ImportReport?> ImportOverAsync(IReadOnlyList<DirectoryFile> files, string? basedOn, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await LoadAsync(cancellationToken);
            if (basedOn is not null && current.Version != basedOn)
            {
                return null;
            }
            var result = DirectoryImport.Read(files, current.Directory);
            if (result.Directory is not { } next)
            {
                return new ImportReport(ImportStatus.Refused, result.Problems, DirectoryChanges.Between(current.Directory, current.Directory), current.Version);
            }
            var changes = DirectoryChanges.Between(current.Directory, next);
            if (DirectoryExport.Fingerprint(next) == DirectoryExport.Fingerprint(current.Directory) && current.Version is not null)
            {
                return new ImportReport(ImportStatus.Unchanged, [], changes, current.Version);
            }
            var version = NewVersion();
            var chunks = await WriteVersionAsync(version, next, cancellationToken);
            if (await TryFlipAsync(current, version, chunks, cancellationToken))
            {
                logger.LogInformation("Directory version {Version} imported: {Changes}", version, changes.ToString().ReplaceLineEndings("; "));
                Imported?.Invoke();
                await DropAsync(current, cancellationToken);
                return new ImportReport(ImportStatus.Imported, [], changes, version);
            }
            // Another import won the flip: ours is checked again against what it wrote.
            await DeletePartitionAsync(Partition(version), cancellationToken);
            if (attempt == ImportAttempts)
            {
                throw new InvalidOperationException("The directory kept changing during the import; try again.");
            }
        }
    }

    private async Task<TableEntity?> ReadPointerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var found = await tables.Directory.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: cancellationToken);
            return found.HasValue ? found.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table itself is not there yet (a first turn racing the start-up): no import has happened.
            return null;
        }
    }

    private async Task<OfficeDirectory?> ReadVersionAsync(TableEntity pointer, CancellationToken cancellationToken)
    {
        var version = pointer.GetString("Version");
        var text = Enum.GetValues<DirectoryKind>().ToDictionary(k => k, _ => new SortedDictionary<string, string>(StringComparer.Ordinal));
        await foreach (var chunk in tables.Directory.QueryAsync<TableEntity>(e => e.PartitionKey == Partition(version), cancellationToken: cancellationToken))
        {
            var kind = Enum.Parse<DirectoryKind>(chunk.RowKey.Split('-')[0]);
            text[kind][chunk.RowKey] = chunk.GetString("Text");
        }
        if (text.Any(t => t.Value.Count != pointer.GetInt32(ChunkColumn(t.Key))))
        {
            return null;
        }
        var files = text.Select(t => new DirectoryFile(DirectoryFiles.FileNames[t.Key], Encoding.UTF8.GetBytes(string.Concat(t.Value.Values))));
        var read = DirectoryImport.Read(files.ToArray(), OfficeDirectory.Empty);
        return read.Directory ?? throw new InvalidOperationException(
            $"Directory version {version} in storage does not read back: {string.Join("; ", read.Problems.Take(3).Select(p => $"{p.File} row {p.Row}: {p.Reason.En}"))}");
    }

    private async Task<Dictionary<DirectoryKind, int>> WriteVersionAsync(string version, OfficeDirectory directory, CancellationToken cancellationToken)
    {
        var entities = new List<TableEntity>();
        var counts = new Dictionary<DirectoryKind, int>();
        foreach (var kind in Enum.GetValues<DirectoryKind>())
        {
            var csv = DirectoryExport.Csv(directory, kind);
            var chunks = csv.Chunk(ChunkChars).Select(c => new string(c)).ToArray();
            counts[kind] = chunks.Length;
            entities.AddRange(chunks.Select((chunk, i) => new TableEntity(Partition(version), $"{kind}-{i.ToString("D5", CultureInfo.InvariantCulture)}") { ["Text"] = chunk }));
        }
        // Chunks are up to ~180 KB on the wire (Thai is escaped in JSON), so a 4 MB batch would hold
        // few of them; the pointer flip, not a batch, is what makes the version appear at once.
        await Parallel.ForEachAsync(entities, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (entity, ct) => await tables.Directory.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct));
        return counts;
    }

    private async Task<bool> TryFlipAsync(StoredDirectory current, string version, Dictionary<DirectoryKind, int> chunks, CancellationToken cancellationToken)
    {
        var pointer = new TableEntity(PointerPartition, PointerRow)
        {
            ["Version"] = version,
            ["Previous"] = current.Version,
            ["ImportedAt"] = time.GetUtcNow(),
        };
        foreach (var (kind, count) in chunks)
        {
            pointer[ChunkColumn(kind)] = count;
        }
        try
        {
            if (current.PointerETag is { } etag)
            {
                await tables.Directory.UpdateEntityAsync(pointer, etag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await tables.Directory.AddEntityAsync(pointer, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Keeps the version just replaced, which a reader may still be loading, and deletes the one before it.</summary>
    private async Task DropAsync(StoredDirectory replaced, CancellationToken cancellationToken)
    {
        if (replaced.Previous is { } older)
        {
            await DeletePartitionAsync(Partition(older), cancellationToken);
        }
    }

    private async Task DeletePartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var keys = new List<TableTransactionAction>();
        await foreach (var entity in tables.Directory.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }
        await TableBatches.SubmitAsync(tables.Directory, keys, cancellationToken);
    }

    private string NewVersion() =>
        time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    private static string Partition(string? version) => "v-" + version;

    private static string ChunkColumn(DirectoryKind kind) => kind + "Chunks";
}
