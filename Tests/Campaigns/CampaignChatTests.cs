using System.Text.Json.Nodes;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Campaigns;
using SupervisionBot.Dialogs.Commands;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Tests.Filling;

namespace SupervisionBot.Tests.Campaigns;

/// <summary>The owner's side in chat: the guided card, the confirmation, their list; others are refused.</summary>
public sealed class CampaignChatTests
{
    [Theory]
    [InlineData("ส่งแบบสำรวจ")]
    [InlineData("แบบสำรวจของฉัน")]
    [InlineData("campaign")]
    [InlineData("my campaigns")]
    public async Task A_teacher_is_refused_politely(string command)
    {
        var desk = new CampaignDesk();
        desk.Desk.User = new Participant("29:somsri", CampaignOffice.Teacher, "ครูสมศรี");

        var result = await desk.Desk.SayAsync(command);

        var text = FormDesk.Text(result.Messages.Single().Card!);
        Assert.Contains("ขออภัย ส่งแบบสำรวจถึงผู้รับจำนวนมากได้เฉพาะศึกษานิเทศก์ และผู้ดูแลระบบเท่านั้น", text);
        Assert.Empty(desk.Outbox.Messages);
    }

    [Fact]
    public void The_owners_commands_do_not_shadow_the_survey_command_and_need_the_campaign_right()
    {
        Assert.Equal(CommandKind.MyCampaigns, CommandCatalogue.Parse("แบบสำรวจของฉัน")?.Command.Kind);
        Assert.Equal(CommandKind.StartCampaign, CommandCatalogue.Parse("/Campaign")?.Command.Kind);
        Assert.Equal(CommandKind.Survey, CommandCatalogue.Parse("แบบสำรวจ")?.Command.Kind);
        Assert.All(CommandCatalogue.All.Where(c => c.Kind is CommandKind.StartCampaign or CommandKind.MyCampaigns),
            c => Assert.Equal(OfficeAction.StartCampaign, AccessPolicy.ForCommand(c.Kind)));
        Assert.All(CampaignVerbs.All, v => Assert.Equal(OfficeAction.StartCampaign, AccessPolicy.ForVerb(v)));
        Assert.Null(AccessPolicy.ForVerb("campaign.delete"));
    }

    [Fact]
    public async Task A_campaign_button_pressed_by_a_teacher_is_refused_before_it_runs()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync("school-administration-needs", "school:S1;role:teacher");
        desk.Desk.User = new Participant("29:somsri", CampaignOffice.Teacher, "ครูสมศรี");

        var result = await desk.Desk.ActAsync(CampaignVerbs.Close, new JsonObject { [CampaignCards.CampaignKey] = campaign.Id });

        Assert.Contains("ขออภัย", FormDesk.Text(result.UpdatedCard!));
        Assert.Equal(CampaignStatus.Open, (await desk.CampaignAsync(campaign.Id)).Status);
    }

    [Fact]
    public async Task A_supervisor_builds_checks_and_starts_a_campaign_in_chat()
    {
        var desk = new CampaignDesk();

        var builder = await desk.Desk.SayAsync("ส่งแบบสำรวจ");
        var card = FormDesk.Text(builder.Messages.Single().Card!);
        Assert.Contains("กลุ่มริมน้ำ", card);
        Assert.Contains("วิทยาศาสตร์และเทคโนโลยี", card);

        var problem = await desk.Desk.PressAsync(CampaignVerbs.Preview, new Dictionary<string, string?>
        {
            [CampaignCards.FormInput] = "school-administration-needs", [CampaignCards.GroupsInput] = "1", [CampaignCards.ClosesInput] = "31/02/2569",
        });
        Assert.Contains("วันปิด “31/02/2569” ไม่ใช่วันที่", FormDesk.Text(problem.UpdatedCard!));
        Assert.Contains("\"value\":\"1\"", FormDesk.Text(problem.UpdatedCard!));

        var confirmation = await desk.Desk.PressAsync(CampaignVerbs.Preview, new Dictionary<string, string?>
        {
            [CampaignCards.FormInput] = "school-administration-needs", [CampaignCards.GroupsInput] = "1,2", [CampaignCards.RolesInput] = "teacher",
            [CampaignCards.AreasInput] = "SC", [CampaignCards.ClosesInput] = "15/12/2569",
        });
        var text = FormDesk.Text(confirmation.UpdatedCard!);
        Assert.Contains("group:1,group:2;role:teacher;area:SC", text);
        Assert.Contains("15 ธันวาคม 2569", text);
        Assert.Contains("ครูไม่มีบัญชี: ไม่มีบัญชี Teams", text);
        Assert.Contains("ส่งถึง 2 คน", text);
        Assert.Empty(desk.Outbox.Messages);

        var started = await desk.Desk.PressAsync(CampaignVerbs.Start);

        Assert.Contains("เริ่มแล้ว ส่งคำเชิญถึง 2 คน", FormDesk.Text(started.UpdatedCard!));
        Assert.Equal(["aad-piti", CampaignOffice.Teacher], desk.Outbox.Messages.Select(m => m.Recipient).Order());

        var mine = await desk.Desk.SayAsync("แบบสำรวจของฉัน");
        var list = FormDesk.Text(mine.Messages.Single().Card!);
        Assert.Contains("ผู้รับ 3 · รอส่ง 2 · ส่งถึง 0 · ส่งไม่สำเร็จ 1 · เริ่มตอบ 0 · ส่งคำตอบแล้ว 0", list);
        var pending = await desk.Desk.PressAsync(CampaignVerbs.Pending);
        var detail = FormDesk.Text(pending.UpdatedCard!);
        Assert.Contains("โรงเรียนหนึ่ง (2 คน)", detail);
        Assert.Contains("ครูไม่มีบัญชี ⚠", detail);
    }

    [Fact]
    public async Task Another_supervisors_campaign_is_not_theirs_to_manage_but_an_admin_may()
    {
        var desk = new CampaignDesk();
        var campaign = await desk.StartAsync("school-administration-needs", "school:S1;role:teacher");
        var data = new JsonObject { [CampaignCards.CampaignKey] = campaign.Id };
        desk.Desk.User = new Participant("29:other", "aad-supervisor-2", "ศน.สมหมาย");
        var other = new CampaignDesk(desk.Store);
        other.Desk.User = desk.Desk.User;

        var refused = await other.Desk.ActAsync(CampaignVerbs.Close, data);

        Assert.Contains("ไม่พบแบบสำรวจ", FormDesk.Text(refused.UpdatedCard!));
        Assert.Equal(CampaignStatus.Open, (await desk.CampaignAsync(campaign.Id)).Status);
        Assert.Contains("ท่านยังไม่ได้ส่งแบบสำรวจ", FormDesk.Text((await other.Desk.SayAsync("my campaigns")).Messages.Single().Card!));

        other.Desk.User = new Participant("29:admin", "aad-admin", "ผู้ดูแลระบบ");
        await other.Desk.ActAsync(CampaignVerbs.Close, data);
        Assert.Equal(CampaignStatus.Closed, (await desk.CampaignAsync(campaign.Id)).Status);
    }
}
