using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SupervisionBot.Dialogs.Filling;

namespace SupervisionBot.Bot.Storage;

/// <summary>Form sessions in the FormSessions table: partition = conversation, row = user; writes are ETag-conditional.</summary>
public sealed class TableFormSessionStore(SupervisionTables tables) : IFormSessionStore
{
    public async Task<StoredSession?> GetAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        var found = await tables.FormSessions.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(conversationId), TableKeys.Escape(userId), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? new StoredSession(FromEntity(entity), entity.ETag.ToString()) : null;
    }

    public async Task<bool> TryWriteAsync(FormSession session, string? etag, CancellationToken cancellationToken)
    {
        var entity = ToEntity(session);
        try
        {
            if (etag is null)
            {
                await tables.FormSessions.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await tables.FormSessions.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryDeleteAsync(FormSession session, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await tables.FormSessions.DeleteEntityAsync(TableKeys.Escape(session.ConversationId), TableKeys.Escape(session.UserId), new ETag(etag), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<StoredSession> ListIdleAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"LastActivityAt lt {before.UtcDateTime}");
        await foreach (var entity in tables.FormSessions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new StoredSession(FromEntity(entity), entity.ETag.ToString());
        }
    }

    private static TableEntity ToEntity(FormSession s)
    {
        var entity = new TableEntity(TableKeys.Escape(s.ConversationId), TableKeys.Escape(s.UserId))
        {
            ["SessionId"] = s.SessionId,
            ["ConversationId"] = s.ConversationId,
            ["UserId"] = s.UserId,
            ["UserAadObjectId"] = s.UserAadObjectId,
            ["FormId"] = s.FormId,
            ["FormVersion"] = s.FormVersion,
            ["PageIndex"] = s.PageIndex,
            ["InReview"] = s.InReview,
            ["EditingSectionId"] = s.EditingSectionId,
            ["StateVersion"] = s.StateVersion,
            ["StartedAt"] = s.StartedAt.ToUniversalTime(),
            ["LastActivityAt"] = s.LastActivityAt.ToUniversalTime(),
            ["ReminderSentAt"] = s.ReminderSentAt?.ToUniversalTime(),
            ["LastActionFingerprint"] = s.LastActionFingerprint,
        };
        AnswersColumns.Write(entity, s.Answers);
        LinkColumns.Write(entity, s.Link);
        return entity;
    }

    private static FormSession FromEntity(TableEntity e) => new()
    {
        SessionId = e.GetString("SessionId"),
        ConversationId = e.GetString("ConversationId"),
        UserId = e.GetString("UserId"),
        UserAadObjectId = e.GetString("UserAadObjectId"),
        FormId = e.GetString("FormId"),
        FormVersion = e.GetInt32("FormVersion") ?? 1,
        Answers = AnswersColumns.Read(e),
        Link = LinkColumns.Read(e),
        PageIndex = e.GetInt32("PageIndex") ?? 0,
        InReview = e.GetBoolean("InReview") ?? false,
        EditingSectionId = e.GetString("EditingSectionId"),
        StateVersion = e.GetInt32("StateVersion") ?? 1,
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        LastActivityAt = e.GetDateTimeOffset("LastActivityAt") ?? DateTimeOffset.MinValue,
        ReminderSentAt = e.GetDateTimeOffset("ReminderSentAt"),
        LastActionFingerprint = e.GetString("LastActionFingerprint"),
    };
}
