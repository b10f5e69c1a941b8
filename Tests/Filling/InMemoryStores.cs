using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SupervisionBot.Cards;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Tests.Filling;

/// <summary>Session store with real ETag semantics, so the engine's concurrency paths run in unit tests.</summary>
public sealed class InMemorySessionStore : IFormSessionStore
{
    private readonly ConcurrentDictionary<(string, string), StoredSession> _rows = new();
    private int _etag;

    public IReadOnlyCollection<StoredSession> All => _rows.Values.ToList();

    public Task<StoredSession?> GetAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((conversationId, userId), out var row) ? row : null);

    public Task<bool> TryWriteAsync(FormSession session, string? etag, CancellationToken cancellationToken)
    {
        var key = (session.ConversationId, session.UserId);
        var next = new StoredSession(session, "e" + Interlocked.Increment(ref _etag));
        lock (_rows)
        {
            if (etag is null)
            {
                return Task.FromResult(_rows.TryAdd(key, next));
            }
            if (!_rows.TryGetValue(key, out var current) || current.ETag != etag)
            {
                return Task.FromResult(false);
            }
            _rows[key] = next;
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryDeleteAsync(FormSession session, string etag, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            var key = (session.ConversationId, session.UserId);
            return Task.FromResult(_rows.TryGetValue(key, out var current) && current.ETag == etag && _rows.TryRemove(key, out _));
        }
    }

    public async IAsyncEnumerable<StoredSession> ListIdleAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var row in _rows.Values.Where(r => r.Session.LastActivityAt < before).ToList())
        {
            yield return row;
        }
    }
}

public sealed class InMemoryResponseStore : IResponseStore
{
    private readonly ConcurrentDictionary<(string, string), (string Owner, FormResponse Response)> _rows = new();

    public IReadOnlyCollection<FormResponse> All => _rows.Values.Select(r => r.Response).ToList();

    public Task<FormResponse> SaveOnceAsync(string submissionKey, string ownerKey, FormResponse response, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetOrAdd((response.FormId, submissionKey), (ownerKey, response)).Response);

    public Task<FormResponse?> FindReceiptAsync(string ownerKey, string formId, string submissionKey, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((formId, submissionKey), out var row) && row.Owner == ownerKey
            ? row.Response.Respondent is null ? row.Response with { Answers = FormAnswers.Empty } : row.Response
            : null);
}

public sealed class InMemoryRespondents : IRespondentRegistry
{
    private readonly ConcurrentDictionary<string, bool> _marks = new();

    public Task MarkRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken)
    {
        _marks[$"{formId}|{formVersion}|{respondentKey}"] = true;
        return Task.CompletedTask;
    }

    public Task<bool> HasRespondedAsync(string formId, int formVersion, string respondentKey, CancellationToken cancellationToken) =>
        Task.FromResult(_marks.ContainsKey($"{formId}|{formVersion}|{respondentKey}"));
}

public sealed class InMemoryPreferences : IUserPreferences
{
    private readonly ConcurrentDictionary<string, Language> _languages = new();

    public Task<Language?> GetLanguageAsync(string userKey, CancellationToken cancellationToken) =>
        Task.FromResult(_languages.TryGetValue(userKey, out var l) ? l : (Language?)null);

    public Task SetLanguageAsync(string userKey, Language language, CancellationToken cancellationToken)
    {
        _languages[userKey] = language;
        return Task.CompletedTask;
    }
}

public sealed class InMemoryConversations : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _refs = new();
    private readonly ConcurrentDictionary<string, bool> _welcomed = new();

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _refs[reference.ConversationId] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_refs.TryGetValue(conversationId, out var r) ? r : null);

    public Task<ConversationReference?> GetPersonalChatAsync(string userAadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_refs.Values.FirstOrDefault(r => r.Kind == ConversationKind.Personal && r.UserAadObjectId == userAadObjectId));

    public Task<bool> TryMarkWelcomedAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_welcomed.TryAdd(conversationId, true));
}

public sealed class FixedRoles(params RespondentRole[] roles) : IRoleDirectory
{
    public Task<IReadOnlySet<RespondentRole>> GetRolesAsync(Participant user, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<RespondentRole>>(roles.ToHashSet());
}

public sealed class RecordingPersonalChats(ConversationReference? chat) : IPersonalChats
{
    public List<Participant> Opened { get; } = [];

    public Task<ConversationReference?> OpenAsync(Participant user, ConversationReference from, CancellationToken cancellationToken)
    {
        Opened.Add(user);
        return Task.FromResult(chat);
    }
}
