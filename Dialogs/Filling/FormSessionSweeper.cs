using System.Text.Json.Nodes;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Dialogs.Filling;

/// <summary>How long an unfinished form lives (config section "Forms").</summary>
public sealed class FormSessionPolicy
{
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The one reminder goes this long before the form would expire.</summary>
    public TimeSpan RemindBeforeExpiry { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often the bot looks for idle forms.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Finds forms left unfinished: one reminder (with a resume button) before they expire, then they
/// are deleted and the user is told. Returns the messages; the caller delivers them.
/// </summary>
public sealed class FormSessionSweeper(
    IFormSessionStore sessions,
    IConversationReferenceStore conversations,
    IUserPreferences preferences,
    FormFiller filler,
    FormSessionPolicy policy,
    TimeProvider time)
{
    public async Task<IReadOnlyList<OutgoingMessage>> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var remindIdleSince = now - (policy.ExpireAfter - policy.RemindBeforeExpiry);
        var messages = new List<OutgoingMessage>();
        await foreach (var stored in sessions.ListIdleAsync(remindIdleSince, cancellationToken))
        {
            var session = stored.Session;
            if (await conversations.GetAsync(session.ConversationId, cancellationToken) is not { } conversation)
            {
                continue;
            }
            var language = await preferences.GetLanguageAsync(session.RespondentKey, cancellationToken) ?? Languages.FromLocale(conversation.Locale);
            var title = filler.FormOf(session)?.Title.Get(language) ?? session.FormId;
            var expiresAt = session.LastActivityAt + policy.ExpireAfter;

            if (expiresAt <= now)
            {
                if (await sessions.TryDeleteAsync(session, stored.ETag, cancellationToken))
                {
                    messages.Add(new OutgoingMessage(null, SessionCards.Notice(FillingTexts.ExpiredTitle(language), FillingTexts.Expired(language, title)), conversation));
                }
            }
            else if (session.ReminderSentAt is null
                && await sessions.TryWriteAsync(session with { ReminderSentAt = now }, stored.ETag, cancellationToken))
            {
                var card = MessageCard.Build(new MessageView(
                    FillingTexts.ReminderTitle(language),
                    FillingTexts.Reminder(language, title, ThaiDates.FormatDateTime(expiresAt, language)),
                    [new ButtonView(FillingTexts.Resume(language), CardVerbs.FormStart, new JsonObject { [FormActionData.FormId] = session.FormId })]));
                messages.Add(new OutgoingMessage(null, card, conversation));
            }
        }
        return messages;
    }
}
