using SupervisionBot.Cards;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Reachability;
using SupervisionBot.Tests.AreaDirectory;
using SupervisionBot.Tests.Filling;

namespace SupervisionBot.Tests.Reachability;

/// <summary>Who can be reached, school by school: the check, its cards, and the chat command through the router.</summary>
public sealed class ReachabilityTests
{
    private const string Somchai = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private const string Wipa = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string Niramon = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    private const string Admin = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";

    /// <summary>The example directory, with the supervisor assigned to group 1 only.</summary>
    private static readonly OfficeDirectory Directory = GroupOneSupervisor(DirectoryExamples.Load());

    private static OfficeDirectory GroupOneSupervisor(OfficeDirectory d) =>
        new(d.Groups, d.Schools, d.Centres, d.People.Select(p => p.AadObjectId == Niramon ? p with { GroupNumbers = [1] } : p));

    private sealed class Chats(Dictionary<string, ChatState> states) : IPersonalChatStates
    {
        public List<string> Asked { get; } = [];

        public Task<IReadOnlyDictionary<string, ChatState>> StatesAsync(IReadOnlyCollection<string> aadObjectIds, CancellationToken cancellationToken)
        {
            Asked.AddRange(aadObjectIds);
            return Task.FromResult<IReadOnlyDictionary<string, ChatState>>(aadObjectIds.ToDictionary(id => id, id => states.GetValueOrDefault(id)));
        }
    }

    private sealed class FixedDirectory(OfficeDirectory directory) : IOfficeDirectorySource
    {
        public ValueTask<OfficeDirectory> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(directory);
    }

    private static Chats SomchaiOpenWipaNone() => new(new() { [Somchai] = ChatState.Open, [Wipa] = ChatState.None });

    [Fact]
    public async Task Each_person_gets_the_first_reason_that_applies()
    {
        var chats = new Chats(new() { [Somchai] = ChatState.Blocked, [Wipa] = ChatState.Open });
        var school = Directory.School("S0001")!;

        var result = (await new ReachabilityCheck(chats).CheckAsync(Directory, [school], CancellationToken.None)).Single();

        // Staff of S0001 and its director, once each; anan has no AAD object id and is never asked about.
        Assert.Equal(
            [("anan.p@school-a.example.ac.th", Reach.NotInEntra), ("somchai.r@school-a.example.ac.th", Reach.Blocked), ("wipa.t@school-a.example.ac.th", Reach.Reachable)],
            result.People.Select(p => (p.Person.Email, p.Reach)).OrderBy(p => p.Email, StringComparer.Ordinal));
        Assert.Equal([Somchai, Wipa], chats.Asked.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Unreachable);
    }

    [Fact]
    public async Task Known_to_entra_without_a_chat_is_app_not_installed()
    {
        var result = (await new ReachabilityCheck(SomchaiOpenWipaNone()).CheckAsync(Directory, [Directory.School("S0001")!], CancellationToken.None)).Single();

        Assert.Equal(Reach.AppNotInstalled, result.People.Single(p => p.Person.AadObjectId == Wipa).Reach);
        Assert.Equal(1, result.Count(Reach.Reachable));
    }

    private static FormDesk Desk(string aadObjectId, RespondentRole[] roles, Chats? chats = null, ConversationKind kind = ConversationKind.Personal)
    {
        var feature = new ReachabilityFeature(new FixedDirectory(Directory), new ReachabilityCheck(chats ?? SomchaiOpenWipaNone()));
        return new FormDesk(kind: kind, roles: new FixedRoles(roles), features: [feature])
        {
            User = new Participant("29:someone", aadObjectId, "ผู้ใช้"),
        };
    }

    private static string CardText(AdaptiveCard card) => CardJson.Serialize(card);

    [Theory]
    [InlineData(RespondentRole.Teacher)]
    [InlineData(RespondentRole.Director)]
    [InlineData(RespondentRole.GroupChair)]
    [InlineData(RespondentRole.UnitHead)]
    public async Task Other_roles_are_refused_politely_with_who_may(RespondentRole role)
    {
        var desk = Desk(Wipa, [role]);

        var result = await desk.SayAsync("ติดต่อได้");

        var text = CardText(result.Messages.Single().Card!);
        Assert.Contains("ดูว่าติดต่อใครทางแชตได้บ้าง", text, StringComparison.Ordinal);
        Assert.Contains("ศึกษานิเทศก์", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S0001", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_sees_only_the_schools_of_their_groups()
    {
        var desk = Desk(Niramon, [RespondentRole.Supervisor]);

        var text = CardText((await desk.SayAsync("ติดต่อได้")).Messages.Single().Card!);

        Assert.Contains("ใครติดต่อทางแชตได้บ้าง", text, StringComparison.Ordinal);
        // S0001: 1 of 3 reachable, 1 not in Entra, 1 app not installed, 0 blocked.
        Assert.Contains("โรงเรียนริมน้ำวิทยา (S0001)", text, StringComparison.Ordinal);
        Assert.Contains("1/3 · 1 · 1 · 0", text, StringComparison.Ordinal);
        Assert.Contains("(S0002)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S0003", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S0004", text, StringComparison.Ordinal);

        var refused = CardText((await desk.SayAsync("ติดต่อได้ S0003")).Messages.Single().Card!);
        Assert.Contains("ไม่อยู่ในกลุ่มโรงเรียนที่ท่านรับผิดชอบ", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("kanya", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_every_school_and_one_school_s_names_by_reason_in_english()
    {
        var desk = Desk(Admin, [RespondentRole.Admin]);
        desk.Language = Language.English;

        var all = CardText((await desk.SayAsync("reach")).Messages.Single().Card!);
        Assert.Contains("Who can be reached in chat", all, StringComparison.Ordinal);
        Assert.All(["S0001", "S0002", "S0003", "S0004"], code => Assert.Contains($"({code})", all, StringComparison.Ordinal));
        Assert.Contains("Rimnam Wittaya School", all, StringComparison.Ordinal);

        var one = CardText((await desk.SayAsync("reach s0001")).Messages.Single().Card!);
        Assert.Contains("Not in Microsoft Entra ID", one, StringComparison.Ordinal);
        Assert.Contains("anan.p@school-a.example.ac.th", one, StringComparison.Ordinal);
        Assert.Contains("App not installed in Teams", one, StringComparison.Ordinal);
        Assert.Contains("wipa.t@school-a.example.ac.th", one, StringComparison.Ordinal);
        // The reachable are counted, not listed.
        Assert.DoesNotContain("somchai.r@school-a.example.ac.th", one, StringComparison.Ordinal);
        Assert.DoesNotContain("Blocked or removed the bot\",\"wrap", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_school_code_is_named_back()
    {
        var text = CardText((await Desk(Admin, [RespondentRole.Admin]).SayAsync("ติดต่อได้ X9999")).Messages.Single().Card!);

        Assert.Contains("ไม่พบโรงเรียนรหัส “X9999” ในทำเนียบ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_channel_it_asks_for_the_personal_chat_and_names_nobody()
    {
        var chats = SomchaiOpenWipaNone();
        var text = CardText((await Desk(Admin, [RespondentRole.Admin], chats, ConversationKind.Channel).SayAsync("ติดต่อได้ S0001")).Messages.Single().Card!);

        Assert.Contains("แชตส่วนตัว", text, StringComparison.Ordinal);
        Assert.DoesNotContain("anan", text, StringComparison.Ordinal);
        Assert.Empty(chats.Asked);
    }

    [Fact]
    public void The_summary_of_a_very_large_area_stays_within_the_card_budget_and_says_how_many_it_shows()
    {
        var schools = Enumerable.Range(0, 500).Select(i => new SchoolReachability(
            new School($"S{i:D4}", $"โรงเรียนทดสอบที่มีชื่อยาวมากเพื่อทดสอบขนาดการ์ด หมายเลข {i}", null, 1, null, null, false),
            [])).ToArray();

        var card = ReachabilityCard.Summary(schools, Language.Thai);

        Assert.True(CardJson.SerializeToUtf8Bytes(card).Length <= CardLimits.MaxJsonBytes);
        Assert.Matches("แสดง [0-9]+ จาก 500 โรงเรียน", CardText(card));
    }
}
