using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.People;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Dialogs.Forms;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Graph;

/// <summary>Guests get no role unless configured: the bot over HTTP with WireMock as the Bot Connector, and the decorator alone.</summary>
public sealed class GuestRolesTests : IAsyncLifetime
{
    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private RunningBot? _bot;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
        _connector.Stop();
        _http.Dispose();
    }

    private async Task StartBotAsync(string? guestRoles = null)
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations/*/activities*").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent-1\"}"));
        foreach (var (user, role) in new[] { ("29:guest", "guest"), ("29:member", "user") })
        {
            _connector.Given(Request.Create().WithPath($"/v3/conversations/a:chat-{user[3..]}/members/{user}").UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                    .WithBody($$"""{"id":"{{user}}","objectId":"aad-{{user[3..]}}","name":"{{user}}","userRole":"{{role}}"}"""));
        }
        // A first turn on a machine this loaded can take longer than the default deadline; the deadline is not what is tested here.
        var settings = new Dictionary<string, string?> { ["Roles:CheckGuests"] = "true", ["Messaging:TurnDeadline"] = "00:01:00" };
        if (guestRoles is not null)
        {
            settings["Roles:Guests:0"] = guestRoles;
        }
        _bot = await RunningBot.StartAsync((await Azurite.GetAsync()).ConnectionString, Azurite.NewTablePrefix(nameof(GuestRolesTests)), settings);
    }

    /// <summary>Says "แบบฟอร์ม" in the user's personal chat and returns the card the bot answered with.</summary>
    private async Task<string> AskForFormsAsync(string who)
    {
        var conversation = "a:chat-" + who;
        var before = (await _connector.LoggedAsync()).Count(IsReplyTo(conversation));
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.Url + "/",
            ["locale"] = "th-TH",
            ["text"] = "แบบฟอร์ม",
            ["from"] = new JsonObject { ["id"] = "29:" + who, ["name"] = who, ["aadObjectId"] = "aad-" + who },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tid" },
        };
        var response = await _http.PostAsync(_bot!.MessagesUrl, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", _bot.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}")) + "\n" + string.Join("\n", _connector.LogEntries.Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Path} -> {e.ResponseMessage.StatusCode} {e.RequestMessage.DateTime:HH:mm:ss.fff}")));
        return (await _connector.LoggedAsync(IsReplyTo(conversation), before + 1))[^1].RequestMessage.Body!;
    }

    private static Func<WireMock.Logging.ILogEntry, bool> IsReplyTo(string conversation) =>
        e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.StartsWith($"/v3/conversations/{conversation}/activities", StringComparison.Ordinal);

    private int MemberLookups(string who) =>
        _connector.LogEntries.Count(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path.EndsWith("/members/29:" + who, StringComparison.Ordinal));

    [Fact]
    public async Task A_guest_gets_no_forms_and_a_member_gets_the_default_role_asked_once_per_user()
    {
        await StartBotAsync();

        var guest = await AskForFormsAsync("guest");
        var member = await AskForFormsAsync("member");
        await AskForFormsAsync("member");

        Assert.Contains("ไม่มีแบบฟอร์มที่กรอกได้", guest, StringComparison.Ordinal);
        Assert.DoesNotContain("form.start", guest, StringComparison.Ordinal);
        // The built-in default role, teacher: the menu with a start button per form.
        Assert.Contains("form.start", member, StringComparison.Ordinal);
        Assert.Equal(1, MemberLookups("guest"));
        Assert.Equal(1, MemberLookups("member"));
    }

    [Fact]
    public async Task Guests_get_the_roles_configured_for_them()
    {
        await StartBotAsync(guestRoles: "Teacher");

        Assert.Contains("form.start", await AskForFormsAsync("guest"), StringComparison.Ordinal);
    }

    private sealed class Lookup : IGuestLookup
    {
        public bool? Answer { get; set; }

        public int Asked { get; private set; }

        public Task<bool?> IsGuestAsync(Participant user, CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult(Answer);
        }
    }

    private sealed class Monitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private static readonly Participant User = new("29:u", "aad-u", "U");

    private static GuestRoles Roles(Lookup lookup, TimeProvider time, RoleOptions? configured = null) =>
        new(new ConfiguredRoleDirectory(new Monitor<RoleOptions>(configured ?? new RoleOptions())), lookup,
            new Monitor<GuestOptions>(new GuestOptions { GuestCacheMinutes = 60 }), new Monitor<RoleOptions>(configured ?? new RoleOptions()),
            time, NullLogger<GuestRoles>.Instance);

    [Fact]
    public async Task When_nothing_can_tell_the_user_gets_the_guest_roles_and_is_asked_again_next_turn()
    {
        var lookup = new Lookup { Answer = null };
        var roles = Roles(lookup, new ManualTimeProvider());

        Assert.Empty(await roles.GetRolesAsync(User, CancellationToken.None));
        lookup.Answer = false;
        Assert.Equal([RespondentRole.Teacher], await roles.GetRolesAsync(User, CancellationToken.None));
        Assert.Equal(2, lookup.Asked);
    }

    [Fact]
    public async Task The_answer_is_remembered_for_the_configured_minutes()
    {
        var time = new ManualTimeProvider();
        var lookup = new Lookup { Answer = true };
        var roles = Roles(lookup, time);

        await roles.GetRolesAsync(User, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(59));
        await roles.GetRolesAsync(User, CancellationToken.None);
        Assert.Equal(1, lookup.Asked);

        time.Advance(TimeSpan.FromMinutes(2));
        lookup.Answer = false;
        Assert.Equal([RespondentRole.Teacher], await roles.GetRolesAsync(User, CancellationToken.None));
        Assert.Equal(2, lookup.Asked);
    }

    [Fact]
    public async Task People_configuration_lists_by_aad_object_id_are_not_asked_about()
    {
        var lookup = new Lookup { Answer = true };
        var configured = new RoleOptions { Users = new(StringComparer.OrdinalIgnoreCase) { ["aad-u"] = [RespondentRole.Supervisor] } };

        Assert.Equal([RespondentRole.Supervisor], await Roles(lookup, new ManualTimeProvider(), configured).GetRolesAsync(User, CancellationToken.None));
        Assert.Equal(0, lookup.Asked);
    }
}
