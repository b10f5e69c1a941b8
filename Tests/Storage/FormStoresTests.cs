using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Cards;
using SupervisionBot.Cards.Builders;
using SupervisionBot.Dialogs.Filling;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Tests.Filling;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Storage;

/// <summary>The form tables against a real Azurite: concurrency, exactly-once and anonymity are storage properties.</summary>
public sealed class FormStoresTests : IAsyncLifetime
{
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        var azurite = await Azurite.GetAsync();
        _tables = ConversationReferenceStoreTests.NewTables(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(FormStoresTests)));
        await _tables.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static FormSession Session(string conversation = "a:1", string user = "29:u") => new()
    {
        SessionId = Guid.NewGuid().ToString("N"),
        ConversationId = conversation,
        UserId = user,
        UserAadObjectId = "aad-u",
        FormId = "supervision-satisfaction",
        FormVersion = 1,
        Answers = FormAnswers.From([new("position", "teacher"), new("suggestions", "ครูอยากได้ตัวอย่างแผนการสอน")]),
        StateVersion = 1,
        StartedAt = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero),
        LastActivityAt = new DateTimeOffset(2026, 11, 24, 3, 5, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task A_session_round_trips_and_a_stale_etag_loses()
    {
        var store = new TableFormSessionStore(_tables);
        var session = Session("a:/odd#id?");
        Assert.True(await store.TryWriteAsync(session, null, CancellationToken.None));
        Assert.False(await store.TryWriteAsync(session, null, CancellationToken.None));

        var read = (await store.GetAsync("a:/odd#id?", "29:u", CancellationToken.None))!;
        Assert.Equal(session, read.Session);

        Assert.True(await store.TryWriteAsync(session with { StateVersion = 2 }, read.ETag, CancellationToken.None));
        Assert.False(await store.TryWriteAsync(session with { StateVersion = 3 }, read.ETag, CancellationToken.None));
        Assert.False(await store.TryDeleteAsync(session, read.ETag, CancellationToken.None));
        Assert.Equal(2, (await store.GetAsync("a:/odd#id?", "29:u", CancellationToken.None))!.Session.StateVersion);
    }

    [Fact]
    public async Task Answers_longer_than_one_table_column_round_trip()
    {
        var store = new TableFormSessionStore(_tables);
        var longNote = string.Concat(Enumerable.Repeat("บันทึกการสังเกตชั้นเรียน ", 4000));
        var session = Session("a:long") with { Answers = FormAnswers.From([new("notes", longNote)]) };

        Assert.True(await store.TryWriteAsync(session, null, CancellationToken.None));

        Assert.Equal(longNote, (await store.GetAsync("a:long", "29:u", CancellationToken.None))!.Session.Answers.Get("notes"));
    }

    [Fact]
    public async Task Idle_sessions_are_listed_by_last_activity()
    {
        var store = new TableFormSessionStore(_tables);
        await store.TryWriteAsync(Session("a:idle"), null, CancellationToken.None);
        await store.TryWriteAsync(Session("a:busy") with { LastActivityAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) }, null, CancellationToken.None);

        var idle = new List<string>();
        await foreach (var s in store.ListIdleAsync(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), CancellationToken.None))
        {
            idle.Add(s.Session.ConversationId);
        }

        Assert.Contains("a:idle", idle);
        Assert.DoesNotContain("a:busy", idle);
    }

    [Fact]
    public async Task A_named_submission_is_stored_once_and_its_receipt_shown_only_to_its_respondent()
    {
        var store = Store();
        var first = new FormResponse("iqa-follow-up", 1, "IQA-691124-AAAAAA", FormAnswers.From([new("school", "x")]), DateTimeOffset.UtcNow, "aad-u");
        var repeat = first with { ReferenceNumber = "IQA-691124-BBBBBB" };

        var saved = await store.SaveOnceAsync("session-1", "aad-u", first, CancellationToken.None);
        var again = await store.SaveOnceAsync("session-1", "aad-u", repeat, CancellationToken.None);

        Assert.Equal("IQA-691124-AAAAAA", saved.ReferenceNumber);
        Assert.Equal("IQA-691124-AAAAAA", again.ReferenceNumber);
        Assert.Single(_tables.Responses.Query<TableEntity>().ToList());
        Assert.Equal("x", (await store.FindReceiptAsync("aad-u", "iqa-follow-up", "session-1", CancellationToken.None))!.Answers.Get("school"));
        Assert.Null(await store.FindReceiptAsync("aad-other", "iqa-follow-up", "session-1", CancellationToken.None));
    }

    [Fact]
    public async Task An_anonymous_submission_is_queued_once_and_its_receipt_carries_no_answers()
    {
        var store = Store();
        var first = new FormResponse("supervision-satisfaction", 1, "SAT-691124-AAAAAA", FormAnswers.From([new("expertise", "5")]), DateTimeOffset.UtcNow, null);
        var repeat = first with { ReferenceNumber = "SAT-691124-BBBBBB" };

        var saved = await store.SaveOnceAsync("session-1", "aad-u", first, CancellationToken.None);
        var again = await store.SaveOnceAsync("session-1", "aad-u", repeat, CancellationToken.None);

        Assert.Equal("SAT-691124-AAAAAA", saved.ReferenceNumber);
        Assert.Equal("SAT-691124-AAAAAA", again.ReferenceNumber);
        Assert.Empty(_tables.Responses.Query<TableEntity>().ToList());
        var pending = Assert.Single(_tables.PendingResponses.Query<TableEntity>().ToList());
        Assert.DoesNotContain(pending.Keys, k => k.Contains("Respondent", StringComparison.Ordinal) || k.Contains("User", StringComparison.Ordinal) || k.Contains("Reference", StringComparison.Ordinal));
        var receipt = await store.FindReceiptAsync("aad-u", "supervision-satisfaction", "session-1", CancellationToken.None);
        Assert.Equal("SAT-691124-AAAAAA", receipt!.ReferenceNumber);
        Assert.Empty(receipt.Answers.Values);
        Assert.Null(await store.FindReceiptAsync("aad-other", "supervision-satisfaction", "session-1", CancellationToken.None));
    }

    [Fact]
    public async Task The_campaign_and_visit_a_form_was_filled_for_stay_with_its_session_and_response_also_when_anonymous()
    {
        var link = new FormLink("camp-7", "visit-3");
        var session = Session() with { Link = link };
        var sessions = new TableFormSessionStore(_tables);
        Assert.True(await sessions.TryWriteAsync(session, null, CancellationToken.None));
        Assert.Equal(link, (await sessions.GetAsync(session.ConversationId, session.UserId, CancellationToken.None))!.Session.Link);

        var store = Store();
        await store.SaveOnceAsync("named-1", "aad-u", new FormResponse("iqa-follow-up", 1, "IQA-1", FormAnswers.Empty, DateTimeOffset.UtcNow, "aad-u") { Link = link }, CancellationToken.None);
        await store.SaveOnceAsync("anon-1", "aad-u", new FormResponse("supervision-satisfaction", 1, "SAT-1", FormAnswers.Empty, DateTimeOffset.UtcNow, null) { Link = link }, CancellationToken.None);
        Assert.Equal(link, (await store.FindReceiptAsync("aad-u", "iqa-follow-up", "named-1", CancellationToken.None))!.Link);
        var privacy = new PrivacyOptions { MinimumWait = TimeSpan.Zero, MinimumBatch = 1 };
        Assert.Equal(1, await new PendingAnonymousResponses(_tables, Options.Create(privacy), TimeProvider.System).ReleaseDueAsync(CancellationToken.None));

        var released = _tables.Responses.Query<TableEntity>(e => e.PartitionKey == "supervision-satisfaction").Single();
        Assert.Equal(link, LinkColumns.Read(released));
    }

    private TableResponseStore Store(TimeProvider? time = null) =>
        new(_tables, new PendingAnonymousResponses(_tables, Options.Create(new PrivacyOptions()), time ?? TimeProvider.System));

    [Fact]
    public async Task The_responded_marker_is_per_form_version()
    {
        var registry = new TableRespondentRegistry(_tables);

        await registry.MarkRespondedAsync("supervision-satisfaction", 1, "aad-u", CancellationToken.None);

        Assert.True(await registry.HasRespondedAsync("supervision-satisfaction", 1, "aad-u", CancellationToken.None));
        Assert.False(await registry.HasRespondedAsync("supervision-satisfaction", 2, "aad-u", CancellationToken.None));
        Assert.False(await registry.HasRespondedAsync("supervision-satisfaction", 1, "aad-other", CancellationToken.None));
    }

    [Fact]
    public async Task Two_bot_instances_submitting_the_same_form_at_once_store_one_response()
    {
        // Two desks = two bot instances: separate engines, the same tables.
        var sessions = new TableFormSessionStore(_tables);
        var responses = Store();
        var one = new FormDesk(sessions: sessions, responses: responses);
        var two = new FormDesk(sessions: sessions, responses: responses);
        await one.SayAsync("ประเมิน");
        await one.PressAsync(CardVerbs.FormNext, new Dictionary<string, string?> { ["position"] = "teacher" });
        foreach (var page in new[] { "expertise,manner,approachability,punctuality", "agreed-objectives,suitable-time,fitting-methods,useful-tools", "practical-advice,improved-practice,motivation,wish-follow-up" })
        {
            await one.PressAsync(CardVerbs.FormNext, page.Split(',').ToDictionary(id => id, _ => (string?)"4"));
        }
        await one.PressAsync(CardVerbs.FormReview);
        var review = one.Card!;

        var results = await Task.WhenAll(
            Task.Run(() => one.PressAsync(CardVerbs.FormSubmit, card: review)),
            Task.Run(() => two.PressAsync(CardVerbs.FormSubmit, card: review)));

        Assert.Single(_tables.PendingResponses.Query<TableEntity>(e => e.PartitionKey == "supervision-satisfaction").ToList());
        var reference = Assert.Single(_tables.Receipts.Query<TableEntity>().ToList()).GetString("ReferenceNumber");
        Assert.All(results, r => Assert.Contains(reference, FormDesk.Text(r.UpdatedCard!)));
        Assert.Null(await sessions.GetAsync("a:personal-1", "29:teacher", CancellationToken.None));
    }
}
