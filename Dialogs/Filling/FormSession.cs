using SupervisionBot.Dialogs.Forms;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>
/// One user's form in progress in one conversation: what they answered, where they are, and a
/// version that every card carries, so an old card can never overwrite newer answers.
/// </summary>
public sealed record FormSession
{
    public required string SessionId { get; init; }
    public required string ConversationId { get; init; }
    public required string UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public required string FormId { get; init; }
    public required int FormVersion { get; init; }
    public FormAnswers Answers { get; init; } = FormAnswers.Empty;

    /// <summary>The campaign or visit the button that started this form named; carried into the response.</summary>
    public FormLink Link { get; init; } = FormLink.None;

    /// <summary>Index into the form's pages for these answers (see <see cref="FormPages"/>).</summary>
    public int PageIndex { get; init; }

    public bool InReview { get; init; }

    /// <summary>Set by "edit" on the review card: finishing the edited section goes back to review.</summary>
    public string? EditingSectionId { get; init; }

    /// <summary>Goes up by one with every accepted change; cards carry the version they show.</summary>
    public int StateVersion { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset LastActivityAt { get; init; }
    public DateTimeOffset? ReminderSentAt { get; init; }

    /// <summary>What the last accepted action was, so a repeat of it (double click, retry) is recognised.</summary>
    public string? LastActionFingerprint { get; init; }

    /// <summary>Who answered, for named forms and the "has responded" marker: the AAD id when Teams gives one.</summary>
    public string RespondentKey => UserAadObjectId ?? UserId;
}

/// <summary>A stored session with the concurrency tag it was read with.</summary>
public sealed record StoredSession(FormSession Session, string ETag);
