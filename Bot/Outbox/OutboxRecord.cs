using Azure;
using Azure.Data.Tables;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// A message's row: partition per purpose (counts and "who did not get it" read one partition),
/// row per recipient and key (so queueing it twice finds the first).
/// </summary>
internal static class OutboxRecord
{
    public const string Status = "Status";
    public const string Generation = "Generation";
    public const string Attempts = "Attempts";
    public const string Throttles = "Throttles";
    public const string ClaimedUntil = "ClaimedUntil";
    public const string Failure = "Failure";
    public const string Reason = "Reason";
    public const string SentAt = "SentAt";
    public const string ActivityId = "ActivityId";
    public const string InstallRequestedAt = "InstallRequestedAt";

    public static string Partition(string purpose) => "m|" + Key(purpose);

    public static string Row(OutboxMessage m) =>
        Key(m.Recipient) + "|" + Key(m.ThreadId ?? "") + "|" + Key(m.MessageKey);

    private static string Key(string value) => TableKeys.Escape(value).Replace("|", "%7C", StringComparison.Ordinal);

    /// <summary>A summary card's JSON can pass a string column's 64 KiB, so it is split over columns.</summary>
    private const string CardColumns = "Card";

    public static TableEntity ToEntity(OutboxMessage m, DateTimeOffset now)
    {
        var entity = Fields(m, now);
        if (m.CardJson is { } card)
        {
            JsonColumns.Write(entity, CardColumns, card);
        }
        return entity;
    }

    private static TableEntity Fields(OutboxMessage m, DateTimeOffset now) => new(Partition(m.Purpose), Row(m))
    {
        ["Purpose"] = m.Purpose,
        ["Kind"] = m.Kind.ToString(),
        ["Recipient"] = m.Recipient,
        ["MessageKey"] = m.MessageKey,
        ["ThreadId"] = m.ThreadId,
        ["TeamsUserId"] = m.TeamsUserId,
        ["Text"] = m.Text,
        ["QueuedAt"] = now,
        [Status] = nameof(OutboxStatus.Queued),
        [Generation] = 0,
        [Attempts] = 0,
        [Throttles] = 0,
    };

    public static OutboxMessage ToMessage(TableEntity e) => new(
        e.GetString("Purpose"),
        Enum.Parse<OutboxMessageKind>(e.GetString("Kind")),
        e.GetString("Recipient"),
        e.GetString("MessageKey"),
        e.GetString("Text") ?? "",
        JsonColumns.Read(e, CardColumns) is { Length: > 0 } card ? card : null,
        e.GetString("TeamsUserId"),
        e.GetString("ThreadId"));

    public static OutboxStatus StatusOf(TableEntity e) =>
        Enum.TryParse<OutboxStatus>(e.GetString(Status), out var status) ? status : OutboxStatus.Queued;

    public static int Int(TableEntity e, string column) => e.GetInt32(column) ?? 0;

    public static UndeliveredMessage ToUndelivered(TableEntity e) => new(
        e.GetString("Recipient"),
        e.GetString("MessageKey"),
        Enum.TryParse<OutboxMessageKind>(e.GetString("Kind"), out var kind) ? kind : OutboxMessageKind.PersonalChat,
        StatusOf(e),
        Enum.TryParse<OutboxFailure>(e.GetString(Failure), out var failure) ? failure : null,
        e.GetString(Reason) is { Length: > 0 } reason ? reason : null,
        Int(e, Attempts));

    /// <summary>What a queue message carries per row: which row, and which round of it (a retry of the failed starts a new round).</summary>
    public static string QueueText(QueueEntry entry) => $"{entry.Generation}\n{entry.Partition}\n{entry.Row}";

    /// <summary>Several rows in one queue message: queueing 10,000 messages costs 500 queue writes, not 10,000.</summary>
    public static string QueueText(IEnumerable<QueueEntry> entries) => string.Join('\n', entries.Select(QueueText));

    /// <summary>Keys never hold a newline (escaped as a control character), so it separates safely.</summary>
    public static IReadOnlyList<QueueEntry>? ParseQueueText(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines.Length % 3 != 0)
        {
            return null;
        }
        var entries = new List<QueueEntry>(lines.Length / 3);
        for (var i = 0; i < lines.Length; i += 3)
        {
            if (!int.TryParse(lines[i], out var generation))
            {
                return null;
            }
            entries.Add(new QueueEntry(generation, lines[i + 1], lines[i + 2]));
        }
        return entries;
    }

    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;
}

/// <summary>One row named in a queue message.</summary>
internal readonly record struct QueueEntry(int Generation, string Partition, string Row);
