using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionBot.Bot.Protocol;
using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Tests.Protocol;

public sealed class ActivityTests
{
    private const string ChannelMessage = """
    {
      "type": "message",
      "id": "1481567603816",
      "timestamp": "2026-11-24T03:15:00.123Z",
      "serviceUrl": "https://smba.trafficmanager.net/apac/",
      "channelId": "msteams",
      "from": { "id": "29:1abc", "name": "ครูสมศรี ใจดี", "aadObjectId": "aad-user-1", "futureField": 1 },
      "conversation": { "id": "19:grp2@thread.tacv2;messageid=1481567603816", "conversationType": "channel", "isGroup": true, "tenantId": "tid" },
      "recipient": { "id": "28:bot-app-id", "name": "SupervisionBot" },
      "text": "<at>SupervisionBot</at> สถานะ <at>Somchai</at>",
      "textFormat": "plain",
      "locale": "th-TH",
      "entities": [
        { "type": "mention", "mentioned": { "id": "28:bot-app-id", "name": "SupervisionBot" }, "text": "<at>SupervisionBot</at>" },
        { "type": "mention", "mentioned": { "id": "29:other", "name": "Somchai" }, "text": "<at>Somchai</at>" },
        { "type": "clientInfo", "locale": "th-TH", "country": "TH", "platform": "Web", "timezone": "Asia/Bangkok" }
      ],
      "channelData": {
        "tenant": { "id": "tid" },
        "team": { "id": "19:team@thread.tacv2", "name": "กลุ่มโรงเรียนที่ 2", "aadGroupId": "g-1" },
        "channel": { "id": "19:grp2@thread.tacv2", "name": "General" },
        "settings": { "selectedChannel": { "id": "19:grp2@thread.tacv2" } },
        "brandNewTeamsThing": { "x": [1, 2] }
      },
      "attachments": [],
      "unknownTopLevel": "keep me"
    }
    """;

    [Fact]
    public void Activity_json_round_trips_including_fields_we_do_not_model()
    {
        var activity = JsonSerializer.Deserialize(ChannelMessage, ProtocolJson.Wire.Activity)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Wire.Activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ChannelMessage), JsonNode.Parse(written)), written);
        Assert.Contains("ครูสมศรี", written);
    }

    [Fact]
    public void Unknown_activity_types_deserialise()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"somethingNew2027","id":"x","extra":{"a":1}}""", ProtocolJson.Wire.Activity)!;

        Assert.Equal("somethingNew2027", activity.Type);
        Assert.True(activity.Extra!.ContainsKey("extra"));
    }

    [Fact]
    public void Only_the_bots_own_mention_is_removed_from_the_text()
    {
        var activity = JsonSerializer.Deserialize(ChannelMessage, ProtocolJson.Wire.Activity)!;

        Assert.Equal("สถานะ <at>Somchai</at>", activity.TextWithoutBotMention());
        Assert.True(activity.MentionsBot());
    }

    [Fact]
    public void Older_at_sign_mentions_are_removed_by_their_literal_text()
    {
        var activity = new Activity
        {
            Text = "<at>@SupervisionBot</at>&nbsp;help",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "28:BOT", Name = "SupervisionBot" }, Text = "<at>@SupervisionBot</at>" }],
        };

        Assert.Equal("help", activity.TextWithoutBotMention());
    }

    [Fact]
    public void Text_naming_the_bot_without_a_mention_entity_is_left_alone()
    {
        var activity = new Activity { Text = "<at>SupervisionBot</at> help", Recipient = new ChannelAccount { Id = "28:bot" } };

        Assert.Equal("<at>SupervisionBot</at> help", activity.TextWithoutBotMention());
        Assert.False(activity.MentionsBot());
    }

    [Fact]
    public void Conversation_reference_reads_teams_channel_data()
    {
        var activity = JsonSerializer.Deserialize(ChannelMessage, ProtocolJson.Wire.Activity)!;

        var reference = activity.ToConversationReference()!;

        Assert.Equal(ConversationKind.Channel, reference.Kind);
        Assert.Equal("19:team@thread.tacv2", reference.TeamId);
        Assert.Equal("19:grp2@thread.tacv2", reference.ChannelId);
        Assert.Equal("tid", reference.TenantId);
        Assert.Equal("https://smba.trafficmanager.net/apac/", reference.ServiceUrl);
        Assert.Null(reference.UserAadObjectId);
    }

    [Fact]
    public void Personal_conversation_reference_keeps_the_user()
    {
        var activity = new Activity
        {
            ServiceUrl = "http://localhost:56150/_connector",
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal", TenantId = "t" },
            From = new ChannelAccount { Id = "29:u", AadObjectId = "aad-u", Name = "ศน.วิไล" },
            Recipient = new ChannelAccount { Id = "28:b" },
            Entities = [new Entity { Type = "clientInfo", Locale = "en-US" }],
        };

        var reference = activity.ToConversationReference()!;

        Assert.Equal(ConversationKind.Personal, reference.Kind);
        Assert.Equal("aad-u", reference.UserAadObjectId);
        Assert.Equal("en-US", reference.Locale);
        Assert.Equal("t", reference.TenantId);
    }
}
