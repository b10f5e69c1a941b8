using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Dialogs.FollowUps;

/// <summary>
/// Hands the Act step's cards to the outbox, each in its reader's language: one purpose per kind of
/// notice, and a key that makes a repeat (a rerun job, a re-delivered submit) a no-op.
/// </summary>
public sealed class FollowUpNotices(IOutbox outbox, IUserPreferences preferences)
{
    public const string ReminderPurpose = "follow-up-reminder";
    public const string MeetingSummaryPurpose = "meeting-summary";
    public const string MeetingQuotaPurpose = "meeting-quota";

    /// <returns>False when the person has no AAD object id yet, so nobody could be sent anything.</returns>
    public async Task<bool> ToPersonAsync(Person person, string purpose, string key, Func<Language, AdaptiveCard> card, CancellationToken cancellationToken)
    {
        if (person.AadObjectId is not { } aad)
        {
            return false;
        }
        var language = await preferences.GetLanguageAsync(aad, cancellationToken) ?? Language.Thai;
        var built = card(language);
        await outbox.EnqueueAsync([OutboxMessage.ToPerson(purpose, aad, key, built.FallbackText ?? purpose, CardJson.Serialize(built))], cancellationToken);
        return true;
    }

    /// <summary>A channel is read by many: Thai, the office's language.</summary>
    public async Task ToChannelAsync(SchoolGroup group, string purpose, string key, Func<Language, AdaptiveCard> card, CancellationToken cancellationToken)
    {
        if (group.ChannelId is not { } channel)
        {
            return;
        }
        var built = card(Language.Thai);
        await outbox.EnqueueAsync([OutboxMessage.ToChannel(purpose, channel, key, built.FallbackText ?? purpose, CardJson.Serialize(built))], cancellationToken);
    }
}
