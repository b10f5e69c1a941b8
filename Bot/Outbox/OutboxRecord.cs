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

    public static TableEntity ToEntity(OutboxMessage m, DateTimeOffset now) => new(Partition(m.Purpose), Row(m))
    {
        ["Purpose"] = m.Purpose,
        ["Kind"] = m.Kind.ToString(),
        ["Recipient"] = m.Recipient,
        ["MessageKey"] = m.MessageKey,
        ["ThreadId"] = m.ThreadId,
        ["TeamsUserId"] = m.TeamsUserId,
        ["Text"] = m.Text,
        ["CardJson"] = m.CardJson,
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
        e.GetString("CardJson"),
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

    /// <summary>What a queue message carries: which row, and which round of it (a retry of the failed starts a new round).</summary>
    public static string QueueText(string partition, string row, int generation) => $"{generation}\n{partition}\n{row}";

    /// <summary>Keys never hold a newline (escaped as a control character), so it separates safely.</summary>
    public static (int Generation, string Partition, string Row)? ParseQueueText(string text)
    {
        var parts = text.Split('\n');
        return parts.Length == 3 && int.TryParse(parts[0], out var generation) ? (generation, parts[1], parts[2]) : null;
    }

    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;
}
