namespace SupervisionBot.Dialogs.Conversations;

public enum DownloadProblem
{
    None,

    /// <summary>Larger than allowed, whatever the file claimed.</summary>
    TooLarge,

    /// <summary>The link points somewhere files do not come from (not Teams' file storage).</summary>
    NotAllowedHost,

    /// <summary>The link expired or the storage did not answer.</summary>
    Failed,
}

public sealed record Download(byte[]? Content, DownloadProblem Problem)
{
    public static Download Of(byte[] content) => new(content, DownloadProblem.None);

    public static Download Refused(DownloadProblem problem) => new(null, problem);
}

/// <summary>Fetches a file a user sent, within a size limit counted while reading.</summary>
public interface IFileDownloads
{
    Task<Download> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken);
}
