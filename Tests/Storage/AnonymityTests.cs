using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Storage;

/// <summary>
/// Anonymous responses against a real Azurite, read the way anyone with access to the storage could:
/// every entity of every table, its keys, values and the store's own write times.
/// </summary>
public sealed class AnonymityTests : IAsyncLifetime
{
    private const string Satisfaction = "supervision-satisfaction";

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly PrivacyOptions _privacy = new() { MinimumBatch = 5, MinimumWait = TimeSpan.FromMinutes(30), MaximumWait = TimeSpan.FromDays(7) };
    private string _prefix = "";
    private string _connectionString = "";
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _connectionString = azurite.ConnectionString;
        _prefix = Azurite.NewTablePrefix(nameof(AnonymityTests));
        _tables = ConversationReferenceStoreTests.NewTables(_connectionString, _prefix);
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PendingAnonymousResponses Queue() => new(_tables, Options.Create(_privacy), _time);

    /// <summary>One teacher in their own personal chat, on the shared tables; every turn also leaves what the turn processor writes.</summary>
    private sealed class Teacher(AnonymityTests suite, int n)
    {
        public FormDesk Desk { get; } = new(suite._time, new TableFormSessionStore(suite._tables), new TableResponseStore(suite._tables, suite.Queue()), respondents: new TableRespondentRegistry(suite._tables))
        {
            User = new Participant($"29:u{n}", $"aad-u{n}", $"ครูคนที่ {n}"),
            Conversation = new ConversationReference($"a:personal-u{n}", ConversationKind.Personal, "https://smba.trafficmanager.net/apac/", "tid", "28:bot",
                $"29:u{n}", $"aad-u{n}", $"ครูคนที่ {n}", null, null, "th-TH"),
        };

        public List<string> Identity { get; } = [$"29:u{n}", $"aad-u{n}", $"a:personal-u{n}", $"ครูคนที่ {n}"];

        private int _activity;

        public async Task TurnAsync(Func<FormDesk, Task> turn)
        {
            await new ProcessedActivityLog(suite._tables, suite._time).TryClaimAsync(Desk.Conversation.ConversationId, $"act-{n}-{_activity++}", CancellationToken.None);
            await new TableConversationReferenceStore(suite._tables).SaveAsync(Desk.Conversation, CancellationToken.None);
            await turn(Desk);
        }

        /// <summary>Fills the satisfaction form to its review card, with answers of their own.</summary>
        public async Task ToReviewAsync()
        {
            var level = (string?)(1 + (n % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TurnAsync(d => d.SayAsync("ประเมิน"));
            await TurnAsync(d => d.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher", ["years-of-service"] = "6-10" }));
            foreach (var page in new[] { "expertise,manner,approachability,punctuality", "agreed-objectives,suitable-time,fitting-methods,useful-tools", "practical-advice,improved-practice,motivation,wish-follow-up" })
            {
                await TurnAsync(d => d.PressAsync(CardVerbs.FormNext, page.Split(',').ToDictionary(id => id, _ => level)));
            }
            await TurnAsync(d => d.PressAsync(CardVerbs.FormReview, new Dictionary<string, string?> { ["suggestions"] = $"ข้อเสนอแนะหมายเลข {n}" }));
            var session = await Desk.Sessions.GetAsync(Desk.Conversation.ConversationId, Desk.User.Id, CancellationToken.None);
            Identity.Add(session!.Session.SessionId);
        }

        public async Task SubmitAsync()
        {
            await TurnAsync(d => d.PressAsync(CardVerbs.FormSubmit));
            Identity.Add(ReferenceOn(Desk.Card!));
        }
    }

    private static string ReferenceOn(SupervisionBot.Cards.Model.AdaptiveCard card) =>
        System.Text.RegularExpressions.Regex.Match(FormDesk.Text(card), "SAT-\\d{6}-[0-9A-Z]{6}").Value;

    private sealed record Stored(string Table, TableEntity Entity)
    {
        public IEnumerable<string> Texts() =>
            Entity.Where(p => p.Key is not ("odata.etag" or "Timestamp")).Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
                .Append(Entity.PartitionKey).Append(Entity.RowKey);
    }

    private async Task<List<Stored>> EverythingStoredAsync()
    {
        var service = new TableServiceClient(_connectionString);
        var all = new List<Stored>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(_prefix) >= 0 && t.Name.CompareTo(_prefix + "~") < 0))
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                all.Add(new Stored(table.Name[_prefix.Length..], entity));
            }
        }
        return all;
    }

    private async Task<List<Teacher>> SubmitAllAsync(int count)
    {
        var teachers = Enumerable.Range(1, count).Select(n => new Teacher(this, n)).ToList();
        foreach (var teacher in teachers)
        {
            await teacher.ToReviewAsync();
            await teacher.SubmitAsync();
            _time.Advance(TimeSpan.FromMinutes(3));
            await Task.Delay(20); // the store stamps real time: keep the submits apart in it
        }
        return teachers;
    }

    [Fact]
    public async Task After_release_no_key_value_or_write_time_links_an_anonymous_response_to_its_sender()
    {
        var teachers = await SubmitAllAsync(5);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(5, await Queue().ReleaseDueAsync(CancellationToken.None));

        var stored = await EverythingStoredAsync();
        var responses = stored.Where(s => s.Table == SupervisionTables.ResponsesName && s.Entity.PartitionKey == Satisfaction).ToList();
        Assert.Equal(5, responses.Count);
        Assert.DoesNotContain(stored, s => s.Table == SupervisionTables.PendingResponsesName);
        var identities = teachers.SelectMany(t => t.Identity).ToList();
        var others = stored.Except(responses).ToList();

        // Not by value: a response names no one, and what is not an answer is the same on every response.
        foreach (var response in responses)
        {
            Assert.DoesNotContain(response.Texts(), text => identities.Any(id => text.Contains(id, StringComparison.Ordinal)));
        }
        var nonAnswers = responses.Select(r => string.Join("|", r.Entity.Where(p => !p.Key.StartsWith("Answers", StringComparison.Ordinal) && p.Key is not ("odata.etag" or "Timestamp" or "RowKey"))
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}")));
        Assert.Single(nonAnswers.Distinct());
        // Not by key, nor by answers kept elsewhere: nothing outside a response holds its key or its answers.
        foreach (var response in responses)
        {
            var own = new[] { response.Entity.RowKey, response.Entity.GetString("Answers0") };
            Assert.DoesNotContain(others, other => other.Texts().Any(text => own.Contains(text)));
        }
        // Not by time: every response was written after the last write that names any sender.
        var named = others.Where(o => o.Texts().Any(text => identities.Any(id => text.Contains(id, StringComparison.Ordinal)))).ToList();
        Assert.Contains(named, n => n.Table == SupervisionTables.RespondentsName);
        Assert.Contains(named, n => n.Table == SupervisionTables.ProcessedActivitiesName);
        Assert.True(responses.Min(r => r.Entity.Timestamp) > named.Max(n => n.Entity.Timestamp),
            "an anonymous response was stored while senders were still writing, so its write time can be matched to one of them");
    }

    [Fact]
    public async Task Responses_wait_until_enough_of_them_can_hide_among_each_other_or_the_longest_wait_is_over()
    {
        await SubmitAllAsync(2);
        var queue = Queue();

        Assert.Equal(0, await queue.ReleaseDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await queue.ReleaseDueAsync(CancellationToken.None));
        Assert.Empty(_tables.Responses.Query<TableEntity>().ToList());

        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(2, await queue.ReleaseDueAsync(CancellationToken.None));
        Assert.Equal(2, _tables.Responses.Query<TableEntity>().Count());
    }

    [Fact]
    public async Task A_submit_waits_at_least_the_minimum_before_release()
    {
        await SubmitAllAsync(5);
        var queue = Queue();

        // The last submit was 3 minutes ago (fake clock).
        Assert.Equal(0, await queue.ReleaseDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, await queue.ReleaseDueAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(5, await queue.ReleaseDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_instances_releasing_at_once_store_each_response_once()
    {
        await SubmitAllAsync(5);
        _time.Advance(TimeSpan.FromHours(1));

        await Task.WhenAll(Task.Run(() => Queue().ReleaseDueAsync(CancellationToken.None)), Task.Run(() => Queue().ReleaseDueAsync(CancellationToken.None)));

        Assert.Equal(5, _tables.Responses.Query<TableEntity>(e => e.PartitionKey == Satisfaction).Count());
        Assert.Empty(_tables.PendingResponses.Query<TableEntity>().ToList());
    }

    [Fact]
    public async Task A_double_submit_stores_once_and_the_receipt_is_shown_again_only_to_its_owner()
    {
        var owner = new Teacher(this, 1);
        await owner.ToReviewAsync();
        var review = owner.Desk.Card!;
        var first = await owner.Desk.PressAsync(CardVerbs.FormSubmit, card: review);
        var reference = ReferenceOn(first.UpdatedCard!);

        var again = await owner.Desk.PressAsync(CardVerbs.FormSubmit, card: review);
        var stranger = new Teacher(this, 2);
        var theirs = await stranger.Desk.PressAsync(CardVerbs.FormSubmit, card: review);

        Assert.Single(_tables.PendingResponses.Query<TableEntity>().ToList());
        Assert.Contains(reference, FormDesk.Text(again.UpdatedCard!));
        Assert.DoesNotContain("SAT-", FormDesk.Text(theirs.UpdatedCard!));
        Assert.Contains(FillingTexts.ClosedTitle(SupervisionBot.Cards.Language.Thai), FormDesk.Text(theirs.UpdatedCard!));
    }
}
