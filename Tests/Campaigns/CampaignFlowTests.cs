using System.Text.Json.Nodes;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Tests.Filling;

namespace SupervisionBot.Tests.Campaigns;

/// <summary>A campaign's life: invitations, each recipient status, anonymous counts, reminders in working hours, extend and close.</summary>
public sealed class CampaignFlowTests
{
    private const string Needs = "school-administration-needs";
    private const string Satisfaction = "supervision-satisfaction";

    [Fact]
    public async Task Starting_invites_the_reachable_in_their_language_and_keeps_the_rest_listed_with_the_reason()
    {
        var desk = new CampaignDesk();
        await desk.Preferences.SetLanguageAsync("aad-piti", Language.English, CancellationToken.None);

        var campaign = await desk.StartAsync(Needs, "group:1,group:2");

        var recipients = await desk.RecipientsAsync(campaign);
        Assert.Equal(["chair@s2.example", "mana@s1.example", "noaad@s1.example", "piti@s2.example", "somsri@s1.example", "sup@area.example"], recipients.Keys.Order());
        Assert.Equal(RecipientStatus.Invited, recipients["somsri@s1.example"].Status);
        Assert.Equal(RecipientStatus.Failed, recipients["noaad@s1.example"].Status);
        Assert.Contains("AAD object id", recipients["noaad@s1.example"].Reason);
        Assert.Equal(CampaignLauncher.MayNotFillReason, recipients["sup@area.example"].Reason);

        var invitations = desk.Outbox.Messages;
        Assert.Equal(["aad-chair", "aad-mana", "aad-piti", CampaignOffice.Teacher], invitations.Select(m => m.Recipient).Order());
        Assert.All(invitations, m => Assert.Equal("campaign-" + campaign.Id, m.Purpose));
        var thai = invitations.Single(m => m.Recipient == CampaignOffice.Teacher);
        Assert.Contains("ขอเชิญตอบ", thai.CardJson);
        Assert.Contains("15 ธันวาคม 2569", thai.CardJson);
        Assert.Contains("You are invited", invitations.Single(m => m.Recipient == "aad-piti").Text);
        Assert.Contains("15 December 2026", invitations.Single(m => m.Recipient == "aad-piti").CardJson);
        var start = FormDesk.Button(CardJson.Deserialize(thai.CardJson!), CardVerbs.FormStart);
        Assert.Equal(new FormLink(campaign.Id, null), FormActionData.LinkOf(start));

        // Close when 15 December ends in Bangkok; reminders 3 and 7 days on, moved off Sunday, the
        // substitute Father's Day (Mon 7 Dec) and Constitution Day (Thu 10 Dec) to working mornings.
        Assert.Equal(
            [
                (CampaignJobs.ReminderKind, CampaignDesk.Bangkok(12, 8, 8, 30)),
                (CampaignJobs.ReminderKind, CampaignDesk.Bangkok(12, 11, 8, 30)),
                (CampaignJobs.CloseKind, CampaignDesk.Bangkok(12, 16, 0)),
            ],
            desk.Schedule.Pending.Select(j => (j.Kind, j.DueAt)));
    }

    [Fact]
    public async Task Delivered_and_failed_with_its_reason_come_from_the_outbox_and_a_resend_delivers()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Needs, "school:S1,school:S2;role:teacher");

        desk.Outbox.Deliver(campaign.OutboxPurpose, new Dictionary<string, (OutboxFailure, string)> { ["aad-piti"] = (OutboxFailure.Blocked, "403 MessageWritesBlocked") });

        var recipients = await desk.RecipientsAsync(campaign);
        Assert.Equal(RecipientStatus.Delivered, recipients["somsri@s1.example"].Status);
        Assert.Equal(RecipientStatus.Failed, recipients["piti@s2.example"].Status);
        Assert.Equal("Blocked: 403 MessageWritesBlocked", recipients["piti@s2.example"].Reason);

        // The owner resends from the campaign's card.
        desk.Desk.User = new Participant("29:supervisor", CampaignOffice.Supervisor, "ศน.นิรมล");
        var detail = await desk.Desk.ActAsync(CampaignVerbs.Pending, new JsonObject { [CampaignCards.CampaignKey] = campaign.Id });
        Assert.Contains("ส่งซ้ำถึงผู้ที่ส่งไม่สำเร็จ (2)", FormDesk.Text(detail.UpdatedCard!));
        await desk.Desk.PressAsync(CampaignVerbs.Resend);

        Assert.Equal(1, desk.Outbox.Retried);
        Assert.Equal(RecipientStatus.Invited, (await desk.RecipientsAsync(campaign))["piti@s2.example"].Status);
        desk.Outbox.Deliver(campaign.OutboxPurpose);
        var after = await desk.RecipientsAsync(campaign);
        Assert.Equal(RecipientStatus.Delivered, after["piti@s2.example"].Status);
        Assert.Null(after["piti@s2.example"].Reason);
        Assert.Equal(RecipientStatus.Failed, after["noaad@s1.example"].Status);
    }

    [Fact]
    public async Task A_named_form_started_and_submitted_from_the_invitation_moves_the_person()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Needs, "school:S1;role:teacher");
        desk.Outbox.Deliver(campaign.OutboxPurpose);

        await desk.OpenInvitationAsync(CampaignOffice.Teacher, "29:somsri");
        Assert.Equal(RecipientStatus.Started, (await desk.RecipientsAsync(campaign))["somsri@s1.example"].Status);

        await desk.FinishFormAsync();

        var recipients = await desk.RecipientsAsync(campaign);
        Assert.Equal(RecipientStatus.Submitted, recipients["somsri@s1.example"].Status);
        Assert.Equal(RecipientStatus.Delivered, recipients["mana@s1.example"].Status);
        var counts = CampaignCounts.Of(await desk.CampaignAsync(campaign.Id), recipients.Values.ToList());
        Assert.Equal(new CampaignCounts(3, 0, 2, 1, 1, 1), counts);
        Assert.Equal(campaign.Id, Assert.Single(((InMemoryResponseStore)desk.Desk.Responses).All).Link.CampaignId);
    }

    [Fact]
    public async Task Someone_outside_the_campaign_with_a_forged_link_is_not_counted()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Needs, "school:S2;role:teacher");
        desk.Desk.User = new Participant("29:somsri", CampaignOffice.Teacher, "ครูสมศรี");

        await desk.Desk.ActAsync(CardVerbs.FormStart, new JsonObject { [FormActionData.FormId] = Needs, [FormActionData.Link] = FormActionData.LinkData(new FormLink(campaign.Id, null)) });
        await desk.FinishFormAsync();

        var recipients = await desk.RecipientsAsync(campaign);
        Assert.Equal(["piti@s2.example"], recipients.Keys);
        Assert.Equal(RecipientStatus.Invited, recipients["piti@s2.example"].Status);
    }

    [Fact]
    public async Task An_anonymous_form_is_counted_on_the_campaign_and_never_per_person()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Satisfaction, "school:S1;role:teacher");
        Assert.True(campaign.Anonymous);
        desk.Outbox.Deliver(campaign.OutboxPurpose);

        await desk.OpenInvitationAsync(CampaignOffice.Teacher, "29:somsri");
        await desk.FinishFormAsync();
        // A repeated submit (a retry) tells the observers again: still one.
        var response = Assert.Single(((InMemoryResponseStore)desk.Desk.Responses).All);
        Assert.Null(response.Respondent);
        await desk.Progress.SubmittedAsync(response, null, CancellationToken.None);

        var stored = await desk.CampaignAsync(campaign.Id);
        Assert.Equal((1, 1), (stored.AnonymousStarted, stored.AnonymousSubmitted));
        var recipients = await desk.RecipientsAsync(campaign);
        Assert.All(recipients.Values, r => Assert.DoesNotContain(r.Status, new[] { RecipientStatus.Started, RecipientStatus.Submitted }));
        Assert.Equal(new CampaignCounts(3, 0, 2, 1, 1, 1), CampaignCounts.Of(stored, recipients.Values.ToList()));

        // The owner's card shows the count, never who.
        desk.Desk.User = new Participant("29:supervisor", CampaignOffice.Supervisor, "ศน.นิรมล");
        var detail = FormDesk.Text((await desk.Desk.ActAsync(CampaignVerbs.Pending, new JsonObject { [CampaignCards.CampaignKey] = campaign.Id })).UpdatedCard!);
        Assert.Contains("ส่งคำตอบแล้ว 1", detail);
        Assert.DoesNotContain("ครูมานะ", detail);
        Assert.DoesNotContain("ครูสมศรี", detail);
    }

    [Fact]
    public async Task Reminders_go_to_non_respondents_only_on_working_mornings_and_the_registry_decides_for_anonymous_forms()
    {
        var desk = new CampaignDesk();
        var named = await desk.StartAsync(Needs, "school:S1,school:S2;role:teacher");
        var anonymous = await desk.StartAsync(Satisfaction, "school:S1;role:teacher");
        desk.Outbox.Deliver(named.OutboxPurpose);
        desk.Outbox.Deliver(anonymous.OutboxPurpose);
        await desk.OpenInvitationAsync(CampaignOffice.Teacher, "29:somsri", named);
        await desk.FinishFormAsync();
        await desk.OpenInvitationAsync("aad-mana", "29:mana", anonymous);
        await desk.FinishFormAsync();

        // Sunday 6 December, the third day: nothing is due until the Tuesday after the holiday.
        desk.Time.Advance(CampaignDesk.Bangkok(12, 6, 10) - desk.Time.GetUtcNow());
        Assert.Equal(0, await desk.RunDueJobsAsync());
        desk.Time.Advance(CampaignDesk.Bangkok(12, 8, 8, 30) - desk.Time.GetUtcNow());
        Assert.Equal(2, await desk.RunDueJobsAsync());

        var reminders = desk.Outbox.Messages.Where(m => m.MessageKey == InvitationCards.ReminderKey(1)).ToList();
        Assert.Equal(["aad-mana", "aad-piti"], reminders.Where(m => m.Purpose == named.OutboxPurpose).Select(m => m.Recipient).Order());
        Assert.Equal([CampaignOffice.Teacher], reminders.Where(m => m.Purpose == anonymous.OutboxPurpose).Select(m => m.Recipient));
        Assert.Contains("เตือนความจำ", reminders[0].CardJson);
    }

    [Fact]
    public async Task A_reminder_due_at_night_or_on_a_holiday_waits_for_the_next_working_morning()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Needs, "school:S1;role:teacher");
        var job = desk.Schedule.Pending.First(j => j.Kind == CampaignJobs.ReminderKind);

        foreach (var (late, next) in new[]
        {
            (CampaignDesk.Bangkok(12, 8, 17, 0), CampaignDesk.Bangkok(12, 9, 8, 30)),   // after hours
            (CampaignDesk.Bangkok(12, 10, 9, 0), CampaignDesk.Bangkok(12, 11, 8, 30)),  // Constitution Day
            (CampaignDesk.Bangkok(12, 12, 11, 0), CampaignDesk.Bangkok(12, 14, 8, 30)), // Saturday
            (CampaignDesk.Bangkok(12, 9, 6, 0), CampaignDesk.Bangkok(12, 9, 8, 30)),    // before hours
        })
        {
            await desk.Reminders.HandleAsync(job, late, CancellationToken.None);

            Assert.DoesNotContain(desk.Outbox.Messages, m => m.MessageKey.StartsWith("reminder", StringComparison.Ordinal));
            Assert.Equal(next, (await desk.Schedule.GetStatusAsync(job.Kind, job.Id, CancellationToken.None))!.Job.DueAt);
        }
        Assert.True(desk.Hours.IsWorking(CampaignDesk.Bangkok(12, 9, 16, 29)));
        Assert.False(desk.Hours.IsWorking(CampaignDesk.Bangkok(12, 9, 16, 30)));
        Assert.Equal(campaign.Id, job.Payload);
    }

    [Fact]
    public async Task Extending_moves_the_close_and_closing_now_tells_the_summaries_once()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Needs, "school:S1;role:teacher");
        var data = new JsonObject { [CampaignCards.CampaignKey] = campaign.Id };
        await desk.Desk.ActAsync(CampaignVerbs.Pending, data);

        var extended = await desk.Desk.PressAsync(CampaignVerbs.Extend, new Dictionary<string, string?> { [CampaignCards.ClosesInput] = "20/12/2569" });

        Assert.Contains("ขยายเวลาถึง 20 ธันวาคม 2569 แล้ว", FormDesk.Text(extended.UpdatedCard!));
        Assert.Equal(new DateOnly(2026, 12, 20), (await desk.CampaignAsync(campaign.Id)).ClosesOn);
        Assert.Equal(CampaignDesk.Bangkok(12, 21, 0), (await desk.Schedule.GetStatusAsync(CampaignJobs.CloseKind, campaign.Id, CancellationToken.None))!.Job.DueAt);
        var refused = await desk.Desk.PressAsync(CampaignVerbs.Extend, new Dictionary<string, string?> { [CampaignCards.ClosesInput] = "2026-12-01" });
        Assert.Contains("ขยายเวลาไม่ได้", FormDesk.Text(refused.UpdatedCard!));

        var closed = await desk.Desk.PressAsync(CampaignVerbs.Close);

        Assert.Contains("ปิดรับคำตอบแล้ว", FormDesk.Text(closed.UpdatedCard!));
        Assert.Equal(CampaignStatus.Closed, (await desk.CampaignAsync(campaign.Id)).Status);
        Assert.Equal([CampaignJobs.CloseKind], desk.Schedule.Pending.Select(j => j.Kind));
        Assert.Equal(1, await desk.RunDueJobsAsync());
        Assert.Equal(1, desk.Closed.Calls);
        Assert.True((await desk.CampaignAsync(campaign.Id)).ClosedNotified);
        Assert.False(await desk.Closer.CloseNowAsync(campaign.Id, CancellationToken.None));
        Assert.Equal(0, await desk.RunDueJobsAsync());
        Assert.Equal(1, desk.Closed.Calls);
    }

    [Fact]
    public async Task A_campaign_closes_when_its_close_date_ends()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync(Needs, "school:S1;role:teacher", "2026-12-04");

        desk.Time.Advance(CampaignDesk.Bangkok(12, 4, 23, 59) - desk.Time.GetUtcNow());
        Assert.Equal(0, await desk.RunDueJobsAsync());
        desk.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await desk.RunDueJobsAsync());

        var closed = await desk.CampaignAsync(campaign.Id);
        Assert.Equal(CampaignStatus.Closed, closed.Status);
        Assert.Equal(campaign.Id, Assert.Single(desk.Closed.Campaigns));
        Assert.Empty(desk.Schedule.Pending);
    }
}
