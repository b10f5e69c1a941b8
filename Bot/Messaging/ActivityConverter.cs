using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Conversations;
using CardAction = SupervisionBot.Dialogs.Conversations.CardAction;

namespace SupervisionBot.Bot.Messaging;

/// <summary>Translates between wire activities and the conversation layer's turns and messages.</summary>
public static class ActivityConverter
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardActionInvoke = "adaptiveCard/action";

    /// <summary>The turn an activity asks for, or null when it needs no answer (typing, reactions, removals, unknown types).</summary>
    public static Turn? ToTurn(Activity activity, ConversationReference conversation, DateTimeOffset now)
    {
        var user = new Participant(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name);
        var language = Languages.FromLocale(activity.EffectiveLocale());
        var languageKnown = activity.EffectiveLocale() is not null;
        var receivedAt = activity.Timestamp ?? now;

        switch (activity.Type)
        {
            case ActivityTypes.Message when ReadSubmit(activity) is { } submit:
                return new Turn(TurnKind.CardAction, conversation, user, language, receivedAt, Action: submit);

            case ActivityTypes.Message:
                // In group chats and channels the bot speaks only when spoken to.
                if (conversation.Kind != ConversationKind.Personal && !activity.MentionsBot())
                {
                    return null;
                }
                return new Turn(TurnKind.Message, conversation, user, language, receivedAt, Text: activity.TextWithoutBotMention(),
                    Files: conversation.Kind == ConversationKind.Personal ? SentFiles(activity) : null);

            case ActivityTypes.Invoke when activity.Name == CardActionInvoke && ReadExecute(activity) is { } execute:
                return new Turn(TurnKind.CardAction, conversation, user, language, receivedAt, Action: execute);

            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                return new Turn(TurnKind.Installed, conversation, user, language, receivedAt, LanguageKnown: languageKnown);

            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m?.Id == activity.Recipient?.Id) == true:
                return new Turn(TurnKind.Installed, conversation, user, language, receivedAt, LanguageKnown: languageKnown);

            default:
                return null;
        }
    }

    /// <summary>
    /// Files attached in the personal chat: Teams sends a download-info attachment with a short-lived
    /// link; other clients (the Playground, Web Chat) a plain attachment with a content URL. Cards and
    /// inline images are not files.
    /// </summary>
    private static List<SentFile>? SentFiles(Activity activity)
    {
        var files = new List<SentFile>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            var url = attachment.ContentType == TeamsFileDownloadInfo
                ? attachment.Content is { ValueKind: JsonValueKind.Object } content && content.TryGetProperty("downloadUrl", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null
                : attachment.ContentType is { } type && !type.StartsWith("application/vnd.microsoft.card.", StringComparison.Ordinal) && !type.StartsWith("image/", StringComparison.Ordinal) && type != "text/html"
                    ? attachment.ContentUrl
                    : null;
            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                files.Add(new SentFile(string.IsNullOrWhiteSpace(attachment.Name) ? "file.csv" : attachment.Name, uri));
            }
        }
        return files.Count > 0 ? files : null;
    }

    private const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>Action.Submit arrives as a message whose value is the data merged with the inputs.</summary>
    private static CardAction? ReadSubmit(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value || JsonObject.Create(value) is not { } data)
        {
            return null;
        }
        var verb = data["verb"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        return new CardAction(verb, data, activity.ReplyToId);
    }

    /// <summary>Whether an invoke carries the action object an Action.Execute sends.</summary>
    public static bool HasCardAction(Activity activity) => ExecuteAction(activity) is not null;

    private static JsonElement? ExecuteAction(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            ? action
            : null;

    /// <summary>Action.Execute arrives as an invoke: value.action = {type, verb, data}.</summary>
    private static CardAction? ReadExecute(Activity activity)
    {
        if (ExecuteAction(activity) is not { } action)
        {
            return null;
        }
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(d) ?? []
            : [];
        return new CardAction(verb, data, activity.ReplyToId);
    }

    public static Activity ToActivity(OutgoingMessage message)
    {
        var activity = new Activity { Type = ActivityTypes.Message };
        if (message.Card is { } card)
        {
            activity.Attachments = [ToAttachment(card)];
        }
        else
        {
            activity.Text = message.Text;
            activity.TextFormat = "plain";
        }
        return activity;
    }

    public static Attachment ToAttachment(AdaptiveCard card) => new()
    {
        ContentType = AdaptiveCardContentType,
        Content = JsonSerializer.SerializeToElement(card, CardJson.Context.AdaptiveCard),
    };

    public static InvokeResponseBody CardInvokeResponse(AdaptiveCard card) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCardContentType,
        Value = JsonSerializer.SerializeToElement(card, CardJson.Context.AdaptiveCard),
    };

    public static InvokeResponseBody MessageInvokeResponse(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = JsonSerializer.SerializeToElement(text, ProtocolJson.Wire.String),
    };
}
