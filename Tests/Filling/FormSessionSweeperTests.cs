using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;

namespace SupervisionBot.Tests.Filling;

public sealed class FormSessionSweeperTests
{
    [Fact]
    public async Task An_idle_form_gets_one_reminder_before_it_expires_and_is_then_deleted_with_a_notice()
    {
        var desk = new FormDesk();
        await desk.References.SaveAsync(desk.Conversation, CancellationToken.None);
        await desk.SayAsync("ประเมิน");
        var policy = new FormSessionPolicy { ExpireAfter = TimeSpan.FromDays(14), RemindBeforeExpiry = TimeSpan.FromDays(2) };
        var sweeper = new FormSessionSweeper(desk.Sessions, desk.References, desk.Preferences, desk.Filler, policy, desk.Time);

        desk.Time.Advance(TimeSpan.FromDays(11));
        Assert.Empty(await sweeper.SweepAsync(CancellationToken.None));

        desk.Time.Advance(TimeSpan.FromDays(1.5));
        var reminder = Assert.Single(await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(desk.Conversation.ConversationId, reminder.To!.ConversationId);
        Assert.Contains("ยังกรอกไม่เสร็จ", FormDesk.Text(reminder.Card!));
        Assert.Contains("form.start", FormDesk.Text(reminder.Card!));
        Assert.Empty(await sweeper.SweepAsync(CancellationToken.None));

        desk.Time.Advance(TimeSpan.FromDays(2));
        var expired = Assert.Single(await sweeper.SweepAsync(CancellationToken.None));
        Assert.Contains("หมดเวลา", FormDesk.Text(expired.Card!));
        Assert.Empty(((InMemorySessionStore)desk.Sessions).All);
    }

    [Fact]
    public async Task Using_the_form_again_restarts_its_clock_and_allows_a_new_reminder()
    {
        var desk = new FormDesk();
        await desk.References.SaveAsync(desk.Conversation, CancellationToken.None);
        await desk.SayAsync("ประเมิน");
        var sweeper = new FormSessionSweeper(desk.Sessions, desk.References, desk.Preferences, desk.Filler, new FormSessionPolicy(), desk.Time);
        desk.Time.Advance(TimeSpan.FromDays(13));
        Assert.Single(await sweeper.SweepAsync(CancellationToken.None));

        await desk.PressAsync(SupervisionBot.Cards.Builders.CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher" });
        desk.Time.Advance(TimeSpan.FromDays(5));

        Assert.Empty(await sweeper.SweepAsync(CancellationToken.None));
        Assert.Single(((InMemorySessionStore)desk.Sessions).All);
    }
}
