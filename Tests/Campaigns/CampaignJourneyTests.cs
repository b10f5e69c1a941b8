using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.EndToEnd;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Campaigns;

/// <summary>
/// A campaign through the real bot and the real Playground: the invitation reaches the teacher's
/// personal chat, the answer given from it counts for the campaign, the summary asked for in chat
/// and in the group's team channel refreshes itself while the campaign is open, and closing the
/// campaign posts the summary to the group's channel and sends it to the group's chair.
/// </summary>
public sealed class CampaignJourneyTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string Form = "school-administration-needs";

    private RunningBot _bot = null!;
    private Playground _playground = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("campaignjourney"), new Dictionary<string, string?>
        {
            ["Scheduler:PollInterval"] = "00:00:01",
            ["Directory:RefreshSeconds"] = "0",
        });
        _playground = await Playground.StartAsync(_bot.MessagesUrl, PlaygroundJourney.ConfigWithDirectoryIds());
        _playground.Diagnostics = () => string.Join("\n", _bot.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}"));
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Invite_answer_summarise_and_close_through_the_Playground()
    {
        var report = await _bot.Services.GetRequiredService<IDirectoryImporter>().ImportAsync(DirectoryFiles(), CancellationToken.None);
        Assert.True(report.Status == ImportStatus.Imported, string.Join("\n", report.Problems.Select(p => p.ToString())));
        await _playground.InstallAsync(Playground.PersonalChat);
        var seen = _playground.LastSequence;
        await _playground.SendTextAsync(Playground.PersonalChat, "สวัสดี");
        _playground.WaitForBotMessage(m => (long)m["_seq"]! > seen, Wait, "(the welcome)");

        var launcher = _bot.Services.GetRequiredService<CampaignLauncher>();
        var closes = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var check = await launcher.CheckAsync(new CampaignRequest(Form, "school:S0001;role:teacher", closes, "00000000-0000-0000-0000-000000000022", "ศน.ทดสอบ"), CancellationToken.None);
        Assert.True(check.Plan is not null, check.Problem?.En);
        var campaign = await launcher.StartAsync(check.Plan!, CancellationToken.None);

        var invitation = _playground.WaitForCard("ขอเชิญตอบ", Wait);
        var start = CardAnswers.Button(invitation.Card, "form.start")!;
        Assert.Equal(campaign.Id, (string?)start["link"]!["campaign"]);
        await _playground.ExecuteAsync(Playground.PersonalChat, invitation.MessageId, "form.start", start);
        var firstPage = _playground.WaitForBotMessage(m => PlaygroundFixture.Card(m) is { } c
            && (CardAnswers.Button(c, "form.next") ?? CardAnswers.Button(c, "form.review")) is { } d && (string?)d["formId"] == Form, Wait, "(the survey's first page)");
        var (formMessageId, card) = ((string)firstPage["messageId"]!, (JsonNode)PlaygroundFixture.Card(firstPage)!);
        await _playground.FillAndSubmitAsync(formMessageId, card);
        var recipient = (await _bot.Services.GetRequiredService<ICampaignStore>().RecipientsAsync(campaign.Id, CancellationToken.None)).Single();
        Assert.Equal(RecipientStatus.Submitted, recipient.Recipient.Status);

        // The chair asks for the group's summary while the campaign is open: it carries a refresh, and refreshing reads the aggregates again.
        await _playground.SendTextAsync(Playground.PersonalChat, $"สรุป {Form} กลุ่ม 1 แคมเปญ {campaign.Id}");
        var summary = _playground.WaitForCard("n = 1", Wait);
        var refresh = summary.Card["refresh"]?["action"] as JsonObject;
        Assert.NotNull(refresh);
        var refreshed = (await _playground.ExecuteAsync(Playground.PersonalChat, summary.MessageId, (string)refresh!["verb"]!, (JsonObject)refresh["data"]!.DeepClone()))["value"]!;
        Assert.Contains("n = 1", PlaygroundFixture.CardText(refreshed.AsObject()));

        // The same in the group's team channel: asked for with a mention, answered in the post's thread, and refreshed there.
        var post = await _playground.SendTextAsync(Playground.Team, $"<at>{Playground.BotName}</at> สรุป {Form} กลุ่ม 1 แคมเปญ {campaign.Id}", mentions: Playground.BotMention(PlaygroundJourney.BotId));
        var thread = (string)post["postConversationId"]!;
        var inChannel = _playground.WaitForBotMessage(m => (string?)m["_conversationId"] == thread && PlaygroundFixture.Card(m) is { } c
            && PlaygroundFixture.CardText(c).Contains("n = 1", StringComparison.Ordinal), Wait, $"(the summary in the channel thread {thread})");
        var channelRefresh = PlaygroundFixture.Card(inChannel)!["refresh"]?["action"] as JsonObject;
        Assert.NotNull(channelRefresh);
        var refreshedInChannel = (await _playground.ExecuteAsync(thread, (string)inChannel["messageId"]!, (string)channelRefresh!["verb"]!, (JsonObject)channelRefresh["data"]!.DeepClone()))["value"]!;
        Assert.Contains("n = 1", PlaygroundFixture.CardText(refreshedInChannel.AsObject()));

        var sent = _playground.LastSequence;
        Assert.True(await _bot.Services.GetRequiredService<CampaignCloser>().CloseNowAsync(campaign.Id, CancellationToken.None));
        var closing = _playground.WaitForBotMessage(m => (long)m["_seq"]! > sent && (string?)m["_conversationId"] == Playground.PersonalChat
            && PlaygroundFixture.Card(m) is { } c && PlaygroundFixture.CardText(c).Contains("n = 1", StringComparison.Ordinal), Wait, "(the closing summary for the chair)");
        Assert.Null(PlaygroundFixture.Card(closing)!["refresh"]);
        // The closing summary is also a new post in the group's channel (the General channel, whose id is the team's).
        var channelPost = _playground.WaitForBotMessage(m => (long)m["_seq"]! > sent && (string?)m["_conversationId"] == Playground.Team
            && PlaygroundFixture.Card(m) is { } c && PlaygroundFixture.CardText(c).Contains("n = 1", StringComparison.Ordinal), Wait, "(the closing summary posted to the channel)");
        Assert.Null(PlaygroundFixture.Card(channelPost)!["refresh"]);
        // The outbox marks a message sent just after the connector accepted it: the chat may show it first.
        var outbox = _bot.Services.GetRequiredService<Dialogs.Outbox.IOutbox>();
        var counted = DateTime.UtcNow + Wait;
        while ((await outbox.CountAsync(CampaignSummaries.PurposeOf(campaign.Id), CancellationToken.None)).Sent < 2)
        {
            Assert.True(DateTime.UtcNow < counted, "the closing summaries (chair and channel) were never both counted as sent");
            await Task.Delay(200);
        }
    }

    /// <summary>The Playground's current user is a teacher of S0001 and the chair of its group.</summary>
    private static IReadOnlyList<DirectoryFile> DirectoryFiles() =>
    [
        Csv("groups.csv", "group_no,name_th,name_en,chair_email,vice_chair_email,team_id,channel_id\n1,กลุ่มโรงเรียนริมน้ำ,Riverside school group,somsri@example.com,,00000000-0000-0000-0000-000000000031,team-id\n"),
        Csv("schools.csv", "school_code,name_th,name_en,group_no,director_email,contact_email,needs_help\nS0001,โรงเรียนริมน้ำวิทยา,Rimnam Wittaya School,1,,,false\n"),
        Csv("centres.csv", "centre_code,name_th,name_en,learning_area,host_school_code,chair_email\n"),
        Csv("people.csv", "email,display_name,aad_object_id,roles,school_code,group_nos,learning_areas\n"
            + "somsri@example.com,สมศรี ใจดี,00000000-0000-0000-0000-000000000020,teacher;group_chair,S0001,1,\n"
            + "wilaiwan@example.com,วิไลวรรณ ศรีสุข,00000000-0000-0000-0000-000000000022,supervisor,,1,\n"),
    ];

    private static DirectoryFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
