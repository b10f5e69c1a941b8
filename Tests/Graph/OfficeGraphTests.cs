using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SupervisionBot.Bot.Graph;
using SupervisionBot.Dialogs.People;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SupervisionBot.Tests.Graph;

public sealed class OfficeGraphTests : IDisposable
{
    private readonly FakeGraph _graph = new();

    public void Dispose() => _graph.Dispose();

    private static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static IResponseBuilder Error(int status, string code, string message) =>
        Json($$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""", status);

    [Fact]
    public async Task Team_members_follow_next_links_to_the_last_page_with_the_token_on_each()
    {
        var next = $"{_graph.BaseUrl}/teams/t1/members?$skiptoken=page2";
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t1/members").WithParam("$skiptoken", "page2").UsingGet()).AtPriority(1)
            .RespondWith(Json("""{"value":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","userId":"u2","email":"b@school.example","displayName":"B"}]}"""));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t1/members").UsingGet()).AtPriority(2)
            .RespondWith(Json($$"""{"@odata.nextLink":"{{next}}","value":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","userId":"u1","email":"a@school.example","displayName":"A"}]}"""));

        var members = await _graph.Client().TeamMembersAsync("t1", CancellationToken.None);

        Assert.Equal(["u1", "u2"], members.Select(m => m.UserId));
        Assert.Equal("b@school.example", members[1].Email);
        var logged = await _graph.Server.LoggedAsync(2);
        Assert.Equal(2, logged.Count);
        Assert.All(logged, e => Assert.Equal("Bearer " + FakeGraph.Token, e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_team_that_does_not_exist_is_null()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/gone").UsingGet())
            .RespondWith(Error(404, "NotFound", "No team found with Group Id gone"));

        Assert.Null(await _graph.Client().TeamAsync("gone", CancellationToken.None));
    }

    [Fact]
    public async Task Throttled_call_waits_the_retry_after_graph_asked_for_then_succeeds()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t1").UsingGet()).InScenario("throttle").WillSetStateTo("ok")
            .RespondWith(Error(429, "TooManyRequests", "Slow down").WithHeader("Retry-After", "1"));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t1").UsingGet()).InScenario("throttle").WhenStateIs("ok")
            .RespondWith(Json("""{"id":"t1","displayName":"กลุ่มที่ 1"}"""));

        var clock = Stopwatch.StartNew();
        var team = await _graph.Client().TeamAsync("t1", CancellationToken.None);

        Assert.Equal(new GraphTeam("t1", "กลุ่มที่ 1"), team);
        Assert.Equal(2, (await _graph.Server.LoggedAsync(2)).Count);
        // The client's own backoff is zero here: the second of waiting is Graph's Retry-After.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task Unavailable_and_gateway_timeout_are_retried_until_graph_answers()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).InScenario("flaky").WillSetStateTo("504")
            .RespondWith(Error(503, "ServiceUnavailable", "Try later"));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).InScenario("flaky").WhenStateIs("504").WillSetStateTo("ok")
            .RespondWith(Error(504, "GatewayTimeout", "Try later"));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).InScenario("flaky").WhenStateIs("ok")
            .RespondWith(Json("""{"value":[{"id":"aad-1","userPrincipalName":"somchai@school.example","mail":"somchai@school.example","userType":"Member"}]}"""));

        var user = await _graph.Client().UserByEmailAsync("somchai@school.example", CancellationToken.None);

        Assert.Equal("aad-1", user?.Id);
        Assert.Equal(3, (await _graph.Server.LoggedAsync(3)).Count);
    }

    [Fact]
    public async Task Unavailable_on_every_retry_fails_after_the_configured_retries()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t1").UsingGet())
            .RespondWith(Error(503, "ServiceUnavailable", "Down"));

        var ex = await Assert.ThrowsAsync<GraphFailedException>(() => _graph.Client(maxRetries: 2).TeamAsync("t1", CancellationToken.None));

        Assert.Equal(503, ex.Status);
        Assert.Contains("after 3 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await _graph.Server.LoggedAsync(3)).Count);
    }

    [Fact]
    public async Task Forbidden_names_the_application_permission_the_admin_must_grant()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t1/members").UsingGet())
            .RespondWith(Error(403, "Forbidden", "Missing role permissions on the request."));

        var ex = await Assert.ThrowsAsync<GraphRefusedException>(() => _graph.Client().TeamMembersAsync("t1", CancellationToken.None));

        Assert.Equal(GraphPermissions.TeamMemberRead, ex.Permission);
        Assert.Contains("'TeamMember.Read.All'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("admin consent", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Missing role permissions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_lookup_filters_by_upn_or_mail_with_the_quote_escaped()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet())
            .RespondWith(Json("""{"value":[{"id":"aad-9","displayName":"Sean O'Brien","mail":"o'brien@school.example","userPrincipalName":"sean@school.example","userType":"Guest"}]}"""));

        var user = await _graph.Client().UserByEmailAsync("o'brien@school.example", CancellationToken.None);

        Assert.Equal("aad-9", user?.Id);
        Assert.True(user!.IsGuest);
        var filter = (await _graph.Server.LoggedAsync(1)).Single().RequestMessage.Query!["$filter"].Single();
        Assert.Equal("userPrincipalName eq 'o''brien@school.example' or mail eq 'o''brien@school.example'", filter);
    }

    [Fact]
    public async Task User_lookup_finding_nobody_is_null()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/users").UsingGet()).RespondWith(Json("""{"value":[]}"""));

        Assert.Null(await _graph.Client().UserByEmailAsync("nobody@school.example", CancellationToken.None));
    }

    [Fact]
    public async Task Teams_and_channels_are_found_by_id_by_name_and_the_general_channel()
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams").UsingGet())
            .RespondWith(Json("""{"value":[{"id":"t7","displayName":"กลุ่มโรงเรียนที่ 7"}]}"""));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t7/channels/c1").UsingGet())
            .RespondWith(Json("""{"id":"c1","displayName":"นิเทศ"}"""));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t7/channels").UsingGet())
            .RespondWith(Json("""{"value":[{"id":"c0","displayName":"General"},{"id":"c1","displayName":"นิเทศ"}]}"""));
        _graph.Server.Given(Request.Create().WithPath("/v1.0/teams/t7/primaryChannel").UsingGet())
            .RespondWith(Json("""{"id":"c0","displayName":"General"}"""));
        var client = _graph.Client();

        Assert.Equal([new GraphTeam("t7", "กลุ่มโรงเรียนที่ 7")], await client.TeamsNamedAsync("กลุ่มโรงเรียนที่ 7", CancellationToken.None));
        Assert.Equal(new GraphChannel("c1", "นิเทศ"), await client.ChannelAsync("t7", "c1", CancellationToken.None));
        Assert.Equal(["c0", "c1"], (await client.ChannelsAsync("t7", CancellationToken.None)).Select(c => c.Id));
        Assert.Equal("c0", (await client.GeneralChannelAsync("t7", CancellationToken.None))?.Id);
        var filter = (await _graph.Server.LoggedAsync(4)).First(e => e.RequestMessage.Path == "/v1.0/teams").RequestMessage.Query!["$filter"].Single();
        Assert.Equal("displayName eq 'กลุ่มโรงเรียนที่ 7'", filter);
    }

    [Theory]
    [InlineData(201, AppInstallOutcome.Installed)]
    [InlineData(409, AppInstallOutcome.AlreadyInstalled)]
    [InlineData(404, AppInstallOutcome.UserNotFound)]
    [InlineData(403, AppInstallOutcome.Forbidden)]
    [InlineData(400, AppInstallOutcome.Failed)]
    public async Task Installing_the_app_for_a_user_binds_the_catalogue_app(int status, AppInstallOutcome expected)
    {
        _graph.Server.Given(Request.Create().WithPath("/v1.0/users/aad-1/teamwork/installedApps").UsingPost())
            .RespondWith(status == 201 ? Response.Create().WithStatusCode(201) : Error(status, "Code" + status, "Graph said " + status));
        var installer = new GraphAppInstaller(_graph.Client(), NullLogger<GraphAppInstaller>.Instance);

        var result = await installer.InstallForUserAsync("aad-1", CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        var body = (await _graph.Server.LoggedAsync(1)).Single().RequestMessage.Body!;
        Assert.Contains($"\"teamsApp@odata.bind\":\"{_graph.BaseUrl}/appCatalogs/teamsApps/{FakeGraph.TeamsAppId}\"", body, StringComparison.Ordinal);
        if (expected == AppInstallOutcome.Forbidden)
        {
            Assert.Contains(GraphPermissions.InstallForUser, result.Reason, StringComparison.Ordinal);
        }
    }
}
