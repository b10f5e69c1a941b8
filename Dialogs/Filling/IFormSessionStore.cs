namespace SupervisionBot.Dialogs.Filling;

/// <summary>Sessions by (conversation, user), written only if unchanged since read.</summary>
public interface IFormSessionStore
{
    Task<StoredSession?> GetAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>Inserts when <paramref name="etag"/> is null, else replaces only that version.</summary>
    /// <returns>False when someone else wrote first (or the session already exists, for an insert).</returns>
    Task<bool> TryWriteAsync(FormSession session, string? etag, CancellationToken cancellationToken);

    /// <returns>False when the session changed since it was read.</returns>
    Task<bool> TryDeleteAsync(FormSession session, string etag, CancellationToken cancellationToken);

    /// <summary>Sessions nobody touched since <paramref name="before"/>: for reminders and expiry.</summary>
    IAsyncEnumerable<StoredSession> ListIdleAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
