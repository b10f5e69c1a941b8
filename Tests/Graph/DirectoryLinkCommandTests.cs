using TokenCredential = Azure.Core.TokenCredential;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Storage;
using SupervisionBot.Tests.AreaDirectory;
using SupervisionBot.Tests.Storage;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SupervisionBot.Tests.Graph;

/// <summary><c>directory link</c> against a real Azurite and a fake Graph, on the README's example directory.</summary>
public sealed class DirectoryLinkCommandTests : IAsyncLifetime
{
    private const string HillsideTeam = "8f0b5a2e-1c3d-4e5f-9a7b-2c4d6e8f0a1b";
    private const string HillsideChannel = "19:3e7c2a1f0b9d4c8e@thread.tacv2";
    private readonly FakeGraph _graph = new();
    private string _connectionString = null!;
    private string _prefix = null!;
    private SupervisionTables _tables = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await Azurite.GetAsync()).ConnectionString;
        _prefix = Azurite.NewTablePrefix(nameof(DirectoryLinkCommandTests));
        _tables = ConversationReferenceStoreTests.NewTables(_connectionString, _prefix);
        await _tables.EnsureCreatedAsync(CancellationToken.None);
        var imported = await Store().ImportAsync(DirectoryExamples.Files(), CancellationToken.None);
        Assert.Empty(imported.Problems);
    }

    public Task DisposeAsync()
    {
        _graph.Dispose();
        return Task.CompletedTask;
    }

    private TableDirectoryStore Store() => new(_tables, TimeProvider.System, NullLogger<TableDirectoryStore>.Instance);

    private async Task<(int Exit, string Output, string Error)> LinkAsync()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DirectoryCommand.RunAsync(["link"], output, error, builder =>
        {
            builder.Configuration["Storage:ConnectionString"] = _connectionString;
            builder.Configuration["Storage:TablePrefix"] = _prefix;
            builder.Configuration["Graph:BaseUrl"] = _graph.BaseUrl;
            builder.Configuration["Graph:RetryDelaySeconds"] = "0";
            builder.Services.AddSingleton<TokenCredential>(new FakeGraph.StaticToken());
        });
        return (exit, output.ToString(), error.ToString());
    }

    private void Given(string path, string body, int priority = 5, string? filter = null)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        if (filter is not null)
        {
            request = request.WithParam("$filter", filter);
        }
        _graph.Server.Given(request).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    private void GivenTheOfficeTenant()
    {
        // Group 1 has no ids in groups.csv: its team is found by its Thai name, its channel is General.
        Given("/v1.0/teams", """{"value":[{"id":"5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","displayName":"กลุ่มโรงเรียนริมน้ำ"}]}""", filter: "displayName eq 'กลุ่มโรงเรียนริมน้ำ'");
        Given("/v1.0/teams/5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/channels", """{"value":[{"id":"19:general@thread.tacv2","displayName":"General"},{"id":"19:other@thread.tacv2","displayName":"ประกาศ"}]}""");
        Given("/v1.0/teams/5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/primaryChannel", """{"id":"19:general@thread.tacv2","displayName":"General"}""");
        Given("/v1.0/teams/5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/members", """{"value":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","userId":"6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b","email":"Malee.S@school-b.example.ac.th","displayName":"มาลี"}]}""");
        // Group 2 has both ids: they are checked, not replaced.
        Given($"/v1.0/teams/{HillsideTeam}", $$"""{"id":"{{HillsideTeam}}","displayName":"กลุ่มโรงเรียนเชิงดอย"}""");
        Given($"/v1.0/teams/{HillsideTeam}/channels/{HillsideChannel}", $$"""{"id":"{{HillsideChannel}}","displayName":"General"}""");
        Given($"/v1.0/teams/{HillsideTeam}/members", """{"value":[]}""");
        // One person is found by a user lookup; the others are not in Entra ID.
        Given("/v1.0/users", """{"value":[{"id":"7f8a9b0c-1d2e-4f3a-9b4c-5d6e7f8a9b0c","userPrincipalName":"prasert.k@school-c.example.ac.th","userType":"Member"}]}""", 1,
            "userPrincipalName eq 'prasert.k@school-c.example.ac.th' or mail eq 'prasert.k@school-c.example.ac.th'");
        Given("/v1.0/users", """{"value":[]}""");
    }

    [Fact]
    public async Task Link_fills_team_channel_and_people_ids_as_a_new_version_and_lists_what_it_could_not()
    {
        GivenTheOfficeTenant();
        var before = await Store().LoadAsync(CancellationToken.None);

        var (exit, output, error) = await LinkAsync();

        Assert.True(exit == 0, output + error);
        var after = await Store().LoadAsync(CancellationToken.None);
        Assert.NotEqual(before.Version, after.Version);
        var riverside = after.Directory.Group(1)!;
        Assert.Equal(("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "19:general@thread.tacv2"), (riverside.TeamId, riverside.ChannelId));
        Assert.Equal((HillsideTeam, HillsideChannel), (after.Directory.Group(2)!.TeamId, after.Directory.Group(2)!.ChannelId));
        Assert.Equal("6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b", after.Directory.PersonByEmail("malee.s@school-b.example.ac.th")!.AadObjectId);
        Assert.Equal("7f8a9b0c-1d2e-4f3a-9b4c-5d6e7f8a9b0c", after.Directory.PersonByEmail("prasert.k@school-c.example.ac.th")!.AadObjectId);
        Assert.Equal("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", after.Directory.PersonByEmail("somchai.r@school-a.example.ac.th")!.AadObjectId);
        Assert.Contains("1 team id(s) and 1 channel id(s) filled", output, StringComparison.Ordinal);
        Assert.Contains("1 AAD object id(s) filled from team members, 1 from a user lookup", output, StringComparison.Ordinal);
        Assert.Contains("people.csv anan.p@school-a.example.ac.th: no user with this email or UPN in Entra ID", output, StringComparison.Ordinal);
        Assert.Contains($"Stored as directory version {after.Version}", output, StringComparison.Ordinal);

        // Nothing new to find the second time: no new version.
        var again = await LinkAsync();
        Assert.Equal(0, again.Exit);
        Assert.Contains("Nothing to fill", again.Output, StringComparison.Ordinal);
        Assert.Equal(after.Version, (await Store().LoadAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task Without_the_permission_link_stops_with_the_admin_message_and_changes_nothing()
    {
        _graph.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"""));
        var before = await Store().LoadAsync(CancellationToken.None);

        var (exit, output, error) = await LinkAsync();

        Assert.Equal(1, exit);
        Assert.Contains("'Team.ReadBasic.All'", error, StringComparison.Ordinal);
        Assert.Contains("Insufficient privileges", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Stored", output, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await Store().LoadAsync(CancellationToken.None)).Version);
    }
}
