using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Calendar;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;

namespace SupervisionBot.Dialogs.Campaigns;

/// <summary>
/// The cards a recipient gets in their personal chat: the invitation and the reminders. Their
/// start button opens the form linked to the campaign, so starting and submitting are counted.
/// </summary>
public static class InvitationCards
{
    public const string InvitationKey = "invitation";

    public static string ReminderKey(int number) => $"reminder-{number}";

    public static OutboxMessage Invitation(Campaign campaign, FormDefinition form, string aadObjectId, Language language) =>
        Message(campaign, form, aadObjectId, language, InvitationKey, reminder: false);

    public static OutboxMessage Reminder(Campaign campaign, FormDefinition form, string aadObjectId, Language language, int number) =>
        Message(campaign, form, aadObjectId, language, ReminderKey(number), reminder: true);

    private static OutboxMessage Message(Campaign campaign, FormDefinition form, string aadObjectId, Language language, string key, bool reminder)
    {
        var card = Card(campaign, form, language, reminder);
        return OutboxMessage.ToPerson(campaign.OutboxPurpose, aadObjectId, key, card.FallbackText!, CardJson.Serialize(card));
    }

    public static AdaptiveCard Card(Campaign campaign, FormDefinition form, Language language, bool reminder)
    {
        var thai = language == Language.Thai;
        var title = form.Title.Get(language);
        var closes = ThaiDates.FormatDate(campaign.ClosesOn, language);
        var heading = reminder
            ? thai ? $"เตือนความจำ: {title}" : $"Reminder: {title}"
            : thai ? $"ขอเชิญตอบ{title}" : $"You are invited to answer: {title}";
        var text = reminder
            ? thai ? $"ท่านยังไม่ได้ตอบแบบสำรวจนี้ โปรดตอบภายในวันที่ {closes}" : $"We have not had your answers yet. Please answer by {closes}."
            : thai ? $"{campaign.OwnerName} ขอให้ท่านตอบแบบสำรวจนี้ภายในวันที่ {closes} ใช้เวลาไม่นาน" : $"{campaign.OwnerName} asks you to answer this by {closes}. It takes only a few minutes.";
        var body = new List<CardElement>
        {
            new TextBlock { Text = heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock { Text = text, Wrap = true },
        };
        if (campaign.Anonymous)
        {
            body.Add(new TextBlock
            {
                Text = thai ? "แบบสำรวจนี้ไม่ระบุตัวตน ผู้ส่งเห็นเพียงจำนวนผู้ตอบ ไม่เห็นว่าใครตอบอะไร" : "This form is anonymous: the sender sees only how many answered, never who answered what.",
                Wrap = true,
                IsSubtle = true,
                Size = TextSize.Small,
            });
        }
        var data = new System.Text.Json.Nodes.JsonObject
        {
            [FormActionData.FormId] = form.Id,
            [FormActionData.Link] = FormActionData.LinkData(new FormLink(campaign.Id, null)),
        };
        body.Add(CardActions.Buttons([new ButtonView(thai ? "เริ่มตอบ" : "Start", CardVerbs.FormStart, data)]));
        var card = new AdaptiveCard { Body = body, FallbackText = $"{heading}: {text}" };
        CardLimits.Check(card);
        return card;
    }
}
