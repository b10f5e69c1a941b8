namespace SupervisionBot.Dialogs.AreaDirectory;

/// <summary>The directory a turn reads: the current imported version, cached by the host.</summary>
public interface IOfficeDirectorySource
{
    ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken);
}

public enum ImportStatus
{
    /// <summary>A new version replaced the directory.</summary>
    Imported,

    /// <summary>The files hold exactly the current directory; nothing was written.</summary>
    Unchanged,

    /// <summary>At least one row is bad; nothing was written.</summary>
    Refused,
}

/// <summary>The answer to an import: the problems when refused, what changed otherwise.</summary>
public sealed record ImportReport(ImportStatus Status, IReadOnlyList<ImportProblem> Problems, DirectoryChanges Changes, string? Version);

/// <summary>Imports CSV files into the directory, all or nothing, replacing the current version atomically.</summary>
public interface IDirectoryImporter
{
    Task<ImportReport> ImportAsync(IReadOnlyList<DirectoryFile> files, CancellationToken cancellationToken);
}
