using System.Text.Json.Nodes;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Cards.Model;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.Summaries;
using SupervisionBot.Tests.Filling;
using static SupervisionBot.Tests.Summaries.SummaryFixtures;

namespace SupervisionBot.Tests.Summaries;

/// <summary>Where summaries go (channels, directors, chair, area roll-up) and who may ask for which in chat.</summary>
public sealed class SummaryDeliveryTests
{
    /// <summary>Aggregates in memory, one per place and campaign key as the table store keeps them.</summary>
    private sealed class MemoryAggregates : IResponseAggregates
    {
        private readonly Dictionary<(ResponsePlace Place, string? Campaign), ScopeAggregate> rows = [];

        public void Record(FormResponse response)
        {
            var form = Catalogue.Find(response.FormId, response.FormVersion)!;
            var place = ResponsePlace.Of(form, response, Office);
            foreach (var campaign in new[] { null, response.Link.CampaignId }.Distinct())
            {
                (rows.TryGetValue((place, campaign), out var row) ? row : rows[(place, campaign)] = new ScopeAggregate()).Add(form, response);
            }
        }

        public Task<IReadOnlyList<PlaceAggregate>> ReadPlacesAsync(FormDefinition form, string? campaign, Func<ResponsePlace, bool> wanted, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PlaceAggregate>>(rows.Where(p => p.Key.Campaign == campaign && wanted(p.Key.Place)).Select(p => new PlaceAggregate(p.Key.Place, p.Value)).ToArray());
    }

    private sealed class RecordingOutbox : IOutbox
    {
        public List<OutboxMessage> Messages { get; } = [];

        public Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            var fresh = messages.Where(m => !Messages.Any(k => k.Purpose == m.Purpose && k.Recipient == m.Recipient && k.MessageKey == m.MessageKey)).ToArray();
            Messages.AddRange(fresh);
            return Task.FromResult(fresh.Length);
        }

        public Task<OutboxCounts> CountAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<UndeliveredMessage>> UndeliveredAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> RetryFailedAsync(string purpose, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static async Task<SummaryCards> CardsWithNeedsAnswersAsync(string? campaign = null)
    {
        var aggregates = new MemoryAggregates();
        foreach (var (school, current) in new[] { ("1010", 2), ("1010", 3), ("1010", 2), ("1011", 4), ("1011", 3) })
        {
            aggregates.Record(NeedsResponse(school, current, 5, "ขอตัวอย่างแผน") with { Link = new(campaign, null) });
        }
        var directory = new FixedDirectory(Office);
        return new SummaryCards(new SummaryReader(aggregates, Catalogue, directory), directory);
    }

    /// <summary>The card as sent: CardJson keeps Thai unescaped, so a search for Thai text finds it.</summary>
    private static string AllText(string cardJson) => cardJson;

    [Fact]
    public async Task A_closed_campaigns_summary_goes_to_the_groups_channel_its_chair_each_director_and_the_area_heads()
    {
        var outbox = new RecordingOutbox();
        var distribution = new SummaryDistribution(await CardsWithNeedsAnswersAsync("c-1"), Catalogue, new FixedDirectory(Office), outbox);

        var report = await distribution.DistributeAsync(Needs.Id, "c-1", "summary-c-1", CancellationToken.None);

        Assert.Equal(6, report.Queued);
        Assert.Empty(report.Unreachable);
        var sent = outbox.Messages.Select(m => (m.Kind, m.Recipient, m.MessageKey)).ToHashSet();
        Assert.Equal(
            [
                (OutboxMessageKind.ChannelPost, "19:group1@thread.tacv2", "Group:1"),
                (OutboxMessageKind.PersonalChat, "aad-chair1", "Group:1"),
                (OutboxMessageKind.PersonalChat, "aad-dir1010", "School:1010"),
                (OutboxMessageKind.PersonalChat, "aad-dir1011", "School:1011"),
                (OutboxMessageKind.PersonalChat, "aad-areadir", "Area:area"),
                (OutboxMessageKind.PersonalChat, "aad-head", "Area:area"),
            ],
            sent);
        // Free text goes to the form's readers (the chair, the area heads), never to the channel or a director.
        Assert.DoesNotContain("ขอตัวอย่างแผน", AllText(outbox.Messages.Single(m => m.Kind == OutboxMessageKind.ChannelPost).CardJson!), StringComparison.Ordinal);
        Assert.DoesNotContain("ขอตัวอย่างแผน", AllText(outbox.Messages.Single(m => m.Recipient == "aad-dir1010").CardJson!), StringComparison.Ordinal);
        Assert.Contains("ขอตัวอย่างแผน", AllText(outbox.Messages.Single(m => m.Recipient == "aad-chair1").CardJson!), StringComparison.Ordinal);
        // The group's card counts its schools' five answers; the campaign's card refreshes itself.
        var channelCard = CardJson.Deserialize(outbox.Messages.Single(m => m.Kind == OutboxMessageKind.ChannelPost).CardJson!);
        Assert.Contains("ผู้ตอบ 5 คน", AllText(outbox.Messages.Single(m => m.Kind == OutboxMessageKind.ChannelPost).CardJson!), StringComparison.Ordinal);
        Assert.Equal(CardVerbs.SummaryRefresh, Assert.IsType<ExecuteAction>(channelCard.Refresh!.Action).Verb);

        Assert.Equal(0, (await distribution.DistributeAsync(Needs.Id, "c-1", "summary-c-1", CancellationToken.None)).Queued);
    }

    private static async Task<FormDesk> DeskAsync(string aad, params RespondentRole[] roles)
    {
        var cards = await CardsWithNeedsAnswersAsync();
        var desk = new FormDesk(roles: new FixedRoles(roles), features: [new SummaryFeature(cards, Catalogue, new FixedDirectory(Office))]);
        desk.User = new("29:" + aad, aad, aad);
        return desk;
    }

    [Fact]
    public async Task In_chat_each_person_gets_the_widest_scope_theirs_and_no_other()
    {
        var chair = await DeskAsync("aad-chair1", RespondentRole.Director, RespondentRole.GroupChair);
        var card = (await chair.SayAsync("สรุป school-administration-needs")).Messages.Single().Card!;
        Assert.Contains("กลุ่มโรงเรียนที่ 1 สหวิทยาเขตพระนคร", CardJson.Serialize(card), StringComparison.Ordinal);

        var head = await DeskAsync("aad-head", RespondentRole.UnitHead);
        Assert.Contains("ภาพรวมทั้งเขตพื้นที่", CardJson.Serialize((await head.SayAsync("summary school-administration-needs")).Messages.Single().Card!), StringComparison.Ordinal);

        var director = await DeskAsync("aad-dir1011", RespondentRole.Director);
        Assert.Contains("โรงเรียนราชินี", CardJson.Serialize((await director.SayAsync("สรุป school-administration-needs")).Messages.Single().Card!), StringComparison.Ordinal);
        Assert.Equal(SummaryTexts.NotYours(SupervisionBot.Cards.Language.Thai), (await director.SayAsync("สรุป school-administration-needs โรงเรียน 1010")).Messages.Single().Text);
        Assert.Equal(SummaryTexts.NotYours(SupervisionBot.Cards.Language.Thai), (await director.SayAsync("สรุป school-administration-needs กลุ่ม 1")).Messages.Single().Text);
        Assert.StartsWith("โปรดระบุแบบฟอร์ม", (await director.SayAsync("สรุป")).Messages.Single().Text);
    }

    [Fact]
    public async Task A_teacher_is_refused_by_the_router_before_the_summary_is_read()
    {
        var teacher = await DeskAsync("aad-teacher", RespondentRole.Teacher);
        var reply = (await teacher.SayAsync("summary school-administration-needs school 1010")).Messages.Single();
        Assert.Contains("ดูสรุปผลแบบฟอร์ม", CardJson.Serialize(reply.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_updates_the_card_for_those_who_may_see_its_scope_only()
    {
        var data = SummaryCard.RefreshData(new SummaryRequest(Needs.Id, SummaryScope.School("1010")));
        var director = await DeskAsync("aad-dir1010", RespondentRole.Director);
        Assert.NotNull((await director.ActAsync(CardVerbs.SummaryRefresh, data)).UpdatedCard);

        var other = await DeskAsync("aad-dir1011", RespondentRole.Director);
        Assert.Null((await other.ActAsync(CardVerbs.SummaryRefresh, (JsonObject)data.DeepClone())).UpdatedCard);
    }
}
