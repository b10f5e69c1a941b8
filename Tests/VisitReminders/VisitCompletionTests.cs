using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Visits;
using SupervisionBot.Tests.Cards;
using SupervisionBot.Tests.EndToEnd;
using static SupervisionBot.Tests.VisitReminders.VisitWorld;

namespace SupervisionBot.Tests.VisitReminders;

/// <summary>The visit's checklist drives its status; once submitted, the teachers and the director hear of it.</summary>
public sealed class VisitCompletionTests
{
    private static readonly FormLink LinkTo = new(null, "v1");

    [Fact]
    public async Task Only_the_visit_s_supervisor_starting_its_checklist_puts_it_in_progress()
    {
        var world = await CreateAsync("visitstarted");
        await world.ScheduleAsync(NewVisit("v1"));
        var completion = world.NewCompletion();

        await completion.StartedAsync(Session("aad-t1", "iqa-follow-up", LinkTo), CancellationToken.None);
        await completion.StartedAsync(Session(SupervisorId, "administration-supervision", LinkTo), CancellationToken.None);
        await completion.StartedAsync(Session(SupervisorId, "iqa-follow-up", FormLink.None), CancellationToken.None);
        Assert.Equal(VisitStatus.Scheduled, await world.StatusAsync("v1"));

        await completion.StartedAsync(Session(SupervisorId, "iqa-follow-up", LinkTo), CancellationToken.None);
        Assert.Equal(VisitStatus.InProgress, await world.StatusAsync("v1"));
    }

    [Fact]
    public async Task The_supervisor_s_submitted_checklist_completes_the_visit_invites_its_teachers_and_reports_to_the_director_once()
    {
        var world = await CreateAsync("visitcompleted");
        await world.ScheduleAsync(NewVisit("v1"));
        var completion = world.NewCompletion();

        await completion.SubmittedAsync(IqaResponse(LinkTo), "aad-t1", CancellationToken.None);
        await completion.SubmittedAsync(IqaResponse(new FormLink(null, "v-unknown")), SupervisorId, CancellationToken.None);
        Assert.Empty(world.Outbox.Handed);
        Assert.Equal(VisitStatus.Scheduled, await world.StatusAsync("v1"));

        await completion.SubmittedAsync(IqaResponse(LinkTo), SupervisorId, CancellationToken.None);
        // A retried submit: nothing new reaches anyone.
        await completion.SubmittedAsync(IqaResponse(LinkTo), SupervisorId, CancellationToken.None);

        Assert.Equal(VisitStatus.Completed, await world.StatusAsync("v1"));
        var invitations = world.Outbox.Queued.Where(m => m.Purpose == VisitCompletion.SatisfactionPurpose).ToList();
        // The third teacher has no Teams account; the contact person was not observed.
        Assert.Equal(["aad-t1", "aad-t2"], invitations.Select(m => m.Recipient).Order());
        var start = VisitReminderTests.Actions(VisitReminderTests.CardOf(invitations[0])).Single();
        Assert.Equal("form.start", (string?)start["verb"]);
        Assert.Equal("supervision-satisfaction", (string?)start["data"]!["formId"]);
        Assert.Equal("v1", (string?)start["data"]!["link"]!["visit"]);

        var report = world.Outbox.Queued.Single(m => m.Purpose == VisitCompletion.ReportPurpose);
        Assert.Equal((DirectorId, "v1"), (report.Recipient, report.MessageKey));
        var text = PlaygroundFixture.CardText(VisitReminderTests.CardOf(report));
        Assert.Contains("รายงานผลการนิเทศ", text);
        Assert.Contains("11 ธันวาคม 2569", text);
        Assert.Contains("วิไลวรรณ ศรีสุข", text);
        // Steps: 4 of 5 that applied were done (one does not apply); quality levels pooled per series.
        Assert.Contains("80.0%", text);
        Assert.Contains("x̄ = 4.00 (ดีเลิศ)", text);
        Assert.Contains("มีแผนพัฒนาคุณภาพที่ชัดเจน", text);
        Assert.Contains("ควรวิเคราะห์ผลสัมฤทธิ์รายมาตรฐาน", text);
        Assert.Contains("จัดทำ SAR ให้ทันกำหนด", text);
        Assert.Contains("ประชุมชี้แจงบุคลากร", text);
        Assert.Equal(3, world.Outbox.Queued.Count);
    }

    [Fact]
    public async Task A_checklist_that_arrives_after_the_window_still_completes_a_missed_visit_but_not_a_cancelled_one()
    {
        var world = await CreateAsync("visitlate");
        var missed = await world.ScheduleAsync(NewVisit("v1"));
        var cancelled = await world.ScheduleAsync(NewVisit("v2"));
        await VisitStatusUpdate.ApplyAsync(world.Visits, missed.Id, v => v with { Status = VisitStatus.Missed }, CancellationToken.None);
        await VisitStatusUpdate.ApplyAsync(world.Visits, cancelled.Id, v => v with { Status = VisitStatus.Cancelled }, CancellationToken.None);

        await world.NewCompletion().SubmittedAsync(IqaResponse(LinkTo), SupervisorId, CancellationToken.None);
        await world.NewCompletion().SubmittedAsync(IqaResponse(new FormLink(null, "v2")), SupervisorId, CancellationToken.None);

        Assert.Equal(VisitStatus.Completed, await world.StatusAsync("v1"));
        Assert.Equal(VisitStatus.Cancelled, await world.StatusAsync("v2"));
        Assert.All(world.Outbox.Queued, m => Assert.Equal("v1", m.MessageKey));
    }

    [Fact]
    public async Task Reminder_report_and_invitation_cards_are_valid_Adaptive_Cards_1_5_in_both_languages()
    {
        var world = await CreateAsync("visitcards", contactHasAccount: false);
        await world.Languages.SetLanguageAsync("aad-t2", Language.English, CancellationToken.None);
        await world.Languages.SetLanguageAsync(DirectorId, Language.English, CancellationToken.None);
        await world.ScheduleAsync(NewVisit("v1"));
        world.Clock.Advance(new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero) - Start);
        await world.RunAsync();
        await world.NewCompletion().SubmittedAsync(IqaResponse(LinkTo), SupervisorId, CancellationToken.None);
        var catalogue = Catalogue;
        var observation = catalogue.Find("active-learning-observation")!;
        var admin = catalogue.Find("administration-supervision")!;

        var cards = world.Outbox.Queued.ToDictionary(m => m.Purpose + "-" + m.Recipient, m => m.CardJson!);
        cards["report-observation-th"] = CardJson.Serialize(VisitReportCard.Build(NewVisit("v9", checklist: observation.Id), observation,
            Response(observation, new() { ["lesson-plan"] = "done", ["media-ready"] = "not-done", ["prior-knowledge"] = "5", ["engagement"] = "3", ["strengths"] = "ผู้เรียนมีส่วนร่วม" }),
            "โรงเรียนสาธิตทดลอง", "วิไลวรรณ ศรีสุข", Language.Thai));
        cards["report-admin-en"] = CardJson.Serialize(VisitReportCard.Build(NewVisit("v8", checklist: admin.Id), admin,
            Response(admin, new() { ["academic-curriculum"] = "done", ["academic-quality"] = "4", ["academic-recommendations"] = "Plan PLC time" }),
            "Demonstration School", "Wilaiwan", Language.English));

        Assert.Equal(7, cards.Count);
        var result = CardChecker.Check(cards);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("ผู้เรียนมีส่วนร่วม", cards["report-observation-th"]);
        Assert.Contains("50.0%", cards["report-observation-th"]);
        Assert.Contains("Plan PLC time", cards["report-admin-en"]);
    }

    private static FormSession Session(string respondent, string formId, FormLink link) => new()
    {
        SessionId = "s-" + respondent,
        ConversationId = "a:" + respondent,
        UserId = "29:" + respondent,
        UserAadObjectId = respondent,
        FormId = formId,
        FormVersion = 1,
        Link = link,
        StartedAt = VisitWorld.Start,
        LastActivityAt = VisitWorld.Start,
    };

    private static FormResponse IqaResponse(FormLink link)
    {
        var form = Catalogue.Find("iqa-follow-up")!;
        var answers = new Dictionary<string, string>
        {
            ["school"] = SchoolCode,
            ["step-1-done"] = "done",
            ["step-2-done"] = "done",
            ["step-3-done"] = "done",
            ["step-4-done"] = "not-done",
            ["step-5-done"] = "not-applicable",
            ["step-6-done"] = "done",
            ["step-1-quality"] = "4",
            ["step-2-quality"] = "4",
            ["standard-1"] = "4",
            ["step-1-advice"] = "ประชุมชี้แจงบุคลากร",
            ["strengths"] = "มีแผนพัฒนาคุณภาพที่ชัดเจน",
            ["to-develop"] = "ควรวิเคราะห์ผลสัมฤทธิ์รายมาตรฐาน",
            ["advice"] = "จัดทำ SAR ให้ทันกำหนด",
        };
        return Response(form, answers) with { Link = link };
    }

    private static FormResponse Response(FormDefinition form, Dictionary<string, string> answers) =>
        new(form.Id, form.Version, "REF-1", FormAnswers.From(answers), VisitWorld.Start, SupervisorId);
}
