using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Dialogs.Outbox;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Tests.Support;
using Xunit.Abstractions;

namespace SupervisionBot.Tests.Outbox;

/// <summary>
/// The outbox in the real bot host against a fake connector that enforces Teams' limits and injects
/// faults: every message ends delivered once or failed with the reason that fits.
/// </summary>
[Collection(OutboxRunsAlone.Name)]
public sealed class OutboxDeliveryTests(ITestOutputHelper output)
{
    private const int Rate = 500;

    [Fact]
    public async Task Every_message_is_delivered_once_or_failed_with_its_reason_and_a_retry_sends_only_the_failed()
    {
        var azurite = await Azurite.GetAsync();
        await using var connector = await FakeConnector.StartAsync(Rate);
        connector.Hang = TimeSpan.FromSeconds(6);
        await using var bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("outboxdeliver"), OutboxSettings.For(connector, Rate));
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        const string purpose = "visit-reminder";

        var people = Enumerable.Range(0, 60).Select(i => $"person-{i}").ToList();
        var messages = people.Select(p => OutboxMessage.ToPerson(purpose, "aad-" + p, "visit-1", "เตือนนัดนิเทศ " + p, teamsUserId: "29:" + p)).ToList();
        messages.Add(OutboxMessage.ToPerson(purpose, "aad-blocked", "visit-1", "blocked", teamsUserId: "29:blocked"));
        messages.Add(OutboxMessage.ToPerson(purpose, "aad-forbidden", "visit-1", "forbidden", teamsUserId: "29:forbidden"));
        messages.Add(OutboxMessage.ToPerson(purpose, "aad-gone", "visit-1", "gone", teamsUserId: "29:gone"));
        messages.Add(OutboxMessage.ToPerson(purpose, "aad-flaky", "visit-1", "flaky", teamsUserId: "29:flaky"));
        messages.Add(OutboxMessage.ToPerson(purpose, "aad-down", "visit-1", "down", teamsUserId: "29:down"));
        messages.Add(OutboxMessage.ToPerson(purpose, "aad-no-teams-id", "visit-1", "no id"));
        // A channel that gets many posts and replies: only the per-conversation limit holds them back.
        messages.AddRange(Enumerable.Range(0, 12).Select(i => OutboxMessage.ToChannel(purpose, "19:group-1@thread.tacv2", $"post-{i}", $"post {i}")));
        messages.AddRange(Enumerable.Range(0, 6).Select(i => OutboxMessage.InThread(purpose, "19:group-1@thread.tacv2", "1700000000000", $"reply-{i}", $"reply {i}")));

        connector.Permanent[FakeConnector.PersonalChatOf("29:blocked")] = ConnectorFault.Blocked;
        connector.Permanent[FakeConnector.PersonalChatOf("29:forbidden")] = ConnectorFault.Forbidden;
        connector.Permanent[FakeConnector.PersonalChatOf("29:gone")] = ConnectorFault.NotFound;
        connector.Script(FakeConnector.PersonalChatOf("29:flaky"), ConnectorFault.Timeout, ConnectorFault.ServerError);
        foreach (var person in people.Take(10))
        {
            connector.Script(FakeConnector.PersonalChatOf("29:" + person), ConnectorFault.Throttle, ConnectorFault.ServerError);
        }
        connector.Script(FakeConnector.PersonalChatOf("29:down"), ConnectorFault.ServerError, ConnectorFault.Timeout, ConnectorFault.ServerError);

        Assert.Equal(messages.Count, await outbox.EnqueueAsync(messages, CancellationToken.None));
        // Queueing the same again is harmless: nothing new, nothing sent twice.
        Assert.Equal(0, await outbox.EnqueueAsync(messages.Take(20).ToList(), CancellationToken.None));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var counts = await OutboxSettings.SettledAsync(outbox, purpose, messages.Count, TimeSpan.FromSeconds(120));
        output.WriteLine($"{messages.Count} messages settled in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(new OutboxCounts(purpose, 0, messages.Count - 5, 5), counts);
        foreach (var person in people.Append("flaky"))
        {
            Assert.Equal(1, connector.Delivered[FakeConnector.PersonalChatOf("29:" + person)]);
        }
        Assert.Equal(12, connector.Delivered["19:group-1@thread.tacv2"]);
        Assert.Equal(6, connector.Delivered["19:group-1@thread.tacv2;messageid=1700000000000"]);
        // Kept under the tenant and conversation limits. On a quiet machine the first second's sends
        // bunch and the fake refuses one (then the 429 is honoured and the message still arrives once):
        // a known pacing gap at start, open under issue 9; more than one refusal is a regression.
        Assert.InRange(connector.RateLimited, 0, 1);

        var undelivered = (await outbox.UndeliveredAsync(purpose, CancellationToken.None)).ToDictionary(u => u.Recipient);
        Assert.Equal(5, undelivered.Count);
        Assert.Equal(OutboxFailure.Blocked, undelivered["aad-blocked"].Failure);
        Assert.Contains("MessageWritesBlocked", undelivered["aad-blocked"].Reason);
        Assert.Equal(OutboxFailure.Forbidden, undelivered["aad-forbidden"].Failure);
        Assert.Contains("BotNotInConversationRoster", undelivered["aad-forbidden"].Reason);
        Assert.Equal(OutboxFailure.NotFound, undelivered["aad-gone"].Failure);
        Assert.Equal(OutboxFailure.GaveUp, undelivered["aad-down"].Failure);
        Assert.Contains("3 attempts", undelivered["aad-down"].Reason);
        Assert.Equal(OutboxFailure.Unreachable, undelivered["aad-no-teams-id"].Failure);
        Assert.Contains(UnconfiguredAppInstaller.Reason, undelivered["aad-no-teams-id"].Reason);
        Assert.All(undelivered.Values, u => Assert.Equal(OutboxStatus.Failed, u.Status));

        // The person unblocks the bot; a retry of the failed sends those five only.
        connector.Permanent.TryRemove(FakeConnector.PersonalChatOf("29:blocked"), out _);
        var before = connector.DeliveredTotal;
        Assert.Equal(5, await outbox.RetryFailedAsync(purpose, CancellationToken.None));
        counts = await OutboxSettings.SettledAsync(outbox, purpose, messages.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(new OutboxCounts(purpose, 0, messages.Count - 3, 3), counts);
        Assert.Equal(before + 2, connector.DeliveredTotal); // the unblocked person, and "down" whose server is back
        Assert.Equal(1, connector.Delivered[FakeConnector.PersonalChatOf("29:blocked")]);
        Assert.All(people, p => Assert.Equal(1, connector.Delivered[FakeConnector.PersonalChatOf("29:" + p)]));

        var health = await new HttpClient().GetFromJsonAsync<JsonObject>(bot.BaseUrl + "/healthz");
        Assert.Equal(messages.Count - 3, (int)health!["outbox"]!["sent"]!);
        Assert.True((string)health["outbox"]!["state"]! is "idle" or "sending");
    }

    [Fact]
    public async Task Cards_past_a_columns_64_KiB_are_queued_many_at_once_and_delivered_whole()
    {
        var azurite = await Azurite.GetAsync();
        await using var connector = await FakeConnector.StartAsync(Rate);
        await using var bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("outboxbigcard"), OutboxSettings.For(connector, Rate));
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        // A school-group summary: many rows of Thai text, 50,000 characters of JSON (a string column holds 32,767).
        var rows = string.Join(",", Enumerable.Range(1, 700).Select(i => $$"""{"type":"TextBlock","text":"ข้อ {{i}} ค่าเฉลี่ย 4.25 ระดับมาก","wrap":true}"""));
        var card = $$"""{"type":"AdaptiveCard","version":"1.5","body":[{{rows}}]}""";
        Assert.True(card.Length > 32_767, $"the card is only {card.Length} characters");
        var directors = Enumerable.Range(0, 30).Select(i => $"director-{i}").ToList();

        var queued = await outbox.EnqueueAsync(directors.Select(d => OutboxMessage.ToPerson("summary-big", "aad-" + d, "group-1", "สรุปผล", card, teamsUserId: "29:" + d)).ToList(), CancellationToken.None);

        Assert.Equal(directors.Count, queued);
        await OutboxSettings.SettledAsync(outbox, "summary-big", directors.Count, TimeSpan.FromSeconds(60));
        Assert.All(directors, d =>
        {
            var delivered = Assert.Single(connector.DeliveredCards(FakeConnector.PersonalChatOf("29:" + d)));
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(card), System.Text.Json.Nodes.JsonNode.Parse(delivered)), "the card arrived changed");
        });
    }

    [Fact]
    public async Task A_person_without_a_chat_gets_the_app_installed_and_the_message_once_the_install_event_arrives()
    {
        var azurite = await Azurite.GetAsync();
        await using var connector = await FakeConnector.StartAsync(Rate);
        RunningBot? running = null;
        var installer = new InstallingByEvent(() => running!, connector);
        await using var bot = running = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix("outboxinstall"), OutboxSettings.For(connector, Rate),
            configure: b => b.Services.AddSingleton<IAppInstaller>(installer));
        var outbox = bot.Services.GetRequiredService<IOutbox>();

        await outbox.EnqueueAsync(
        [
            OutboxMessage.ToPerson("survey", "aad-new-teacher", "needs-2569", "แบบสำรวจความต้องการ"),
            OutboxMessage.ToPerson("survey", "aad-not-in-entra", "needs-2569", "แบบสำรวจความต้องการ"),
        ], CancellationToken.None);

        await OutboxSettings.SettledAsync(outbox, "survey", 2, TimeSpan.FromSeconds(60));
        Assert.Equal(1, connector.DeliveredText("a:installed-aad-new-teacher", "แบบสำรวจความต้องการ"));
        var missing = Assert.Single(await outbox.UndeliveredAsync("survey", CancellationToken.None));
        Assert.Equal(("aad-not-in-entra", OutboxFailure.Unreachable), (missing.Recipient, missing.Failure));
        Assert.Contains("Entra", missing.Reason);
    }

    /// <summary>Graph's part played by hand: "installs" the app, then Teams' install event reaches the bot a moment later.</summary>
    private sealed class InstallingByEvent(Func<RunningBot> bot, FakeConnector connector) : IAppInstaller
    {
        public Task<AppInstallResult> InstallForUserAsync(string aadObjectId, CancellationToken cancellationToken)
        {
            if (aadObjectId == "aad-not-in-entra")
            {
                return Task.FromResult(new AppInstallResult(AppInstallOutcome.UserNotFound));
            }
            _ = Task.Run(async () =>
            {
                await Task.Delay(300);
                var install = new JsonObject
                {
                    ["type"] = "installationUpdate",
                    ["action"] = "add",
                    ["id"] = Guid.NewGuid().ToString("N"),
                    ["channelId"] = "msteams",
                    ["serviceUrl"] = connector.BaseUrl,
                    ["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["aadObjectId"] = aadObjectId },
                    ["recipient"] = new JsonObject { ["id"] = "28:bot" },
                    ["conversation"] = new JsonObject { ["id"] = "a:installed-" + aadObjectId, ["conversationType"] = "personal", ["tenantId"] = "tid" },
                };
                using var http = new HttpClient();
                (await http.PostAsync(bot().MessagesUrl, new StringContent(install.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            }, CancellationToken.None);
            return Task.FromResult(new AppInstallResult(AppInstallOutcome.Installed));
        }
    }
}
