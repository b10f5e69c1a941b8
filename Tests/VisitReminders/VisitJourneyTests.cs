using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.EndToEnd;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.VisitReminders;

/// <summary>
/// The supervisor's loop through the real bot and the real Playground, on the real clock with a
/// reminder a minute before the visit: the reminder arrives, the checklist is started from it and
/// submitted, a supervisee gets the satisfaction form and the director the report. The Playground has
/// one personal chat, so the three people each say hello in it first (as installing the app would)
/// and their messages arrive there; the outbox's counts show who they were for.
/// </summary>
public sealed class VisitJourneyTests : IAsyncLifetime
{
    private const string SupervisorUser = Playground.CurrentUser;
    private const string TeacherUser = "user-id-1";
    private const string DirectorUser = "user-id-3";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private RunningBot _bot = null!;
    private Playground _playground = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("visitjourney"), new Dictionary<string, string?>
        {
            [VisitReminderServicesKey] = "00:01:00",
            ["Scheduler:PollInterval"] = "00:00:01",
            ["Directory:RefreshSeconds"] = "0",
        });
        _playground = await Playground.StartAsync(_bot.MessagesUrl, PlaygroundJourney.ConfigWithDirectoryIds());
        _playground.Diagnostics = () => string.Join("\n", _bot.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));
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

    private const string VisitReminderServicesKey = Bot.Visits.VisitReminderServices.RemindersKey;

    [Fact]
    public async Task Schedule_remind_check_and_follow_up_through_the_Playground()
    {
        var report = await _bot.Services.GetRequiredService<IDirectoryImporter>().ImportAsync(DirectoryFiles(), CancellationToken.None);
        Assert.True(report.Status == ImportStatus.Imported, string.Join("\n", report.Problems.Select(p => p.ToString())));
        await _playground.InstallAsync(Playground.PersonalChat);
        var seen = _playground.LastSequence;
        await _playground.SendTextAsync(Playground.PersonalChat, "สวัสดี");
        await _playground.SendCustomActivityAsync(Hello(TeacherUser, "00000000-0000-0000-0000-000000000021"));
        await _playground.SendCustomActivityAsync(Hello(DirectorUser, "00000000-0000-0000-0000-000000000023"));
        for (var i = 0; i < 3; i++)
        {
            _playground.WaitForBotMessage(m => (long)m["_seq"]! > seen, Wait, "(an answer to each hello)");
        }

        // Scheduled to start 75 s from now: the reminder a minute before is due in about 15 s.
        var start = DateTimeOffset.UtcNow.AddSeconds(75);
        var visit = new Visit
        {
            Id = "v-journey",
            SchoolCode = "S0001",
            StartUtc = start,
            EndUtc = start.AddHours(2),
            SupervisorEmail = "wilaiwan@example.com",
            ChecklistFormId = "iqa-follow-up",
            Purpose = "ติดตามการประกันคุณภาพภายใน",
            TeacherEmails = ["somsri@example.com"],
        };
        await _bot.Services.GetRequiredService<IVisitStore>().AddAsync([visit], CancellationToken.None);
        await _bot.Services.GetRequiredService<IVisitReminders>().PlanAsync(visit, CancellationToken.None);

        var reminder = _playground.WaitForCard("แจ้งเตือนนัดหมายการนิเทศ", TimeSpan.FromSeconds(45));
        Assert.Contains("2569", CardAnswers.Text(reminder.Card));
        var start0 = CardAnswers.Button(reminder.Card, "form.start")!;
        Assert.Equal("v-journey", (string?)start0["link"]!["visit"]);

        await _playground.ExecuteAsync(Playground.PersonalChat, reminder.MessageId, "form.start", start0);
        var firstPage = _playground.WaitForBotMessage(m => PlaygroundFixture.Card(m) is { } c
            && (CardAnswers.Button(c, "form.next") ?? CardAnswers.Button(c, "form.review")) is { } d && (string?)d["formId"] == "iqa-follow-up", Wait, "(the checklist's first page)");
        var (formMessageId, card) = ((string)firstPage["messageId"]!, (JsonNode)PlaygroundFixture.Card(firstPage)!);
        // The school and the visit's date come filled in from the reminder.
        Assert.Contains("\"value\":\"S0001\"", card.ToJsonString());
        Assert.Equal(VisitStatus.InProgress, await StatusAsync());
        await _playground.FillAndSubmitAsync(formMessageId, card);
        Assert.Equal(VisitStatus.Completed, await StatusAsync());

        var invitation = _playground.WaitForCard("แบบประเมินความพึงพอใจต่อการนิเทศ", Wait);
        var answer = CardAnswers.Button(invitation.Card, "form.start")!;
        Assert.Equal(("supervision-satisfaction", "v-journey"), ((string?)answer["formId"], (string?)answer["link"]!["visit"]));
        var directorReport = _playground.WaitForCard("รายงานผลการนิเทศ", Wait);
        Assert.Contains("โรงเรียนริมน้ำวิทยา", PlaygroundFixture.CardText(directorReport.Card.AsObject()));

        var outbox = _bot.Services.GetRequiredService<IOutbox>();
        Assert.Equal(1, await SentAsync(outbox, VisitCompletion.ReportPurpose, 1));
        Assert.Equal(1, await SentAsync(outbox, VisitCompletion.SatisfactionPurpose, 1));
        // The supervisor and the director (the school's contact has no Teams account).
        var month = visit.BangkokDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await SentAsync(outbox, "visit-reminder-" + month, 2));
    }

    /// <summary>The outbox marks a message sent just after the connector accepted it: the chat may show it first.</summary>
    private static async Task<int> SentAsync(IOutbox outbox, string purpose, int expected)
    {
        var until = DateTime.UtcNow + Wait;
        int sent;
        while ((sent = (await outbox.CountAsync(purpose, CancellationToken.None)).Sent) < expected && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }
        return sent;
    }

    /// <summary>
    /// Another person's first message in the (single) personal chat, sent as Teams would send it: the
    /// Playground itself lets only its current user write there.
    /// </summary>
    private JsonObject Hello(string userId, string aadObjectId) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["text"] = "สวัสดี",
        ["textFormat"] = "plain",
        ["locale"] = "th-TH",
        ["channelId"] = "msteams",
        ["serviceUrl"] = _playground.ConnectorUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = Playground.BotId, ["name"] = Playground.BotName },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "00000000-0000-0000-0000-000000000001", ["id"] = Playground.PersonalChat },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-000000000001" } },
    };

    private async Task<VisitStatus> StatusAsync() =>
        (await _bot.Services.GetRequiredService<IVisitStore>().GetAsync("v-journey", CancellationToken.None))!.Visit.Status;

    /// <summary>The Playground's own people (.m365agentsplayground.yml) as the directory knows them.</summary>
    private static IReadOnlyList<DirectoryFile> DirectoryFiles() =>
    [
        Csv("groups.csv", "group_no,name_th,name_en,chair_email,vice_chair_email,team_id,channel_id\n1,กลุ่มโรงเรียนริมน้ำ,Riverside school group,,,,\n"),
        Csv("schools.csv", "school_code,name_th,name_en,group_no,director_email,contact_email,needs_help\nS0001,โรงเรียนริมน้ำวิทยา,Rimnam Wittaya School,1,prasert@example.com,office@school-a.example.ac.th,false\n"),
        Csv("centres.csv", "centre_code,name_th,name_en,learning_area,host_school_code,chair_email\n"),
        Csv("people.csv", "email,display_name,aad_object_id,roles,school_code,group_nos,learning_areas\n"
            + "wilaiwan@example.com,วิไลวรรณ ศรีสุข,00000000-0000-0000-0000-000000000020,supervisor,,1,\n"
            + "somsri@example.com,สมศรี ใจดี,00000000-0000-0000-0000-000000000021,teacher,S0001,,\n"
            + "prasert@example.com,ประเสริฐ วงศ์ไทย,00000000-0000-0000-0000-000000000023,director,S0001,,\n"),
    ];

    private static DirectoryFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
