using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Dialogs.AreaDirectory;
using SupervisionBot.Dialogs.Conversations;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.AreaDirectory;

/// <summary>An admin sends the directory's CSV files in the personal chat; the real bot host downloads and imports them.</summary>
public sealed class DirectoryUploadTests : IAsyncLifetime
{
    private readonly WireMockServer _connector = WireMockServer.Start();
    private readonly WireMockServer _files = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent-1\"}"));
        foreach (var file in DirectoryExamples.Files())
        {
            _files.Given(Request.Create().WithPath("/personal/" + file.Name).UsingGet()).RespondWith(Response.Create().WithBody(file.Content));
        }
        _files.Given(Request.Create().WithPath("/personal/bad-people.csv").UsingGet()).RespondWith(Response.Create().WithBody(
            "email,display_name,aad_object_id,roles,school_code,group_nos,learning_areas\nnot-an-email,ครูสมศรี,,teacher,,,\nx@school.test,ครูสมชาย,,wizard,,,\n"));
        var azurite = await Azurite.GetAsync();
        _bot = await RunningBot.StartAsync(azurite.ConnectionString, Azurite.NewTablePrefix(nameof(DirectoryUploadTests)), new Dictionary<string, string?>
        {
            ["Directory:Admins:0"] = "aad-it",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _connector.Stop();
        _files.Stop();
        _http.Dispose();
    }

    private async Task<string> SendFilesAsync(string conversationId, string aad, params JsonObject[] attachments)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.Url + "/",
            ["locale"] = "th-TH",
            ["text"] = "",
            ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = "ผู้ดูแลระบบ", ["aadObjectId"] = aad },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SupervisionBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tid" },
            ["attachments"] = new JsonArray(attachments),
        };
        var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _connector.LoggedAsync(e => e.RequestMessage.Path.Contains(conversationId, StringComparison.Ordinal), 1);
        return calls[^1].RequestMessage.Body!;
    }

    /// <summary>What Teams sends for a file attached in a personal chat.</summary>
    private JsonObject TeamsFile(string name) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["name"] = name,
        ["content"] = new JsonObject { ["downloadUrl"] = $"{_files.Url}/personal/{name}", ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = "csv" },
    };

    [Fact]
    public async Task An_admins_csv_files_are_imported_and_answered_with_what_changed()
    {
        var files = DirectoryExamples.Files().Select(f => f.Name).ToArray();
        var plain = new JsonObject { ["contentType"] = "text/csv", ["name"] = files[0], ["contentUrl"] = $"{_files.Url}/personal/{files[0]}" };

        var reply = await SendFilesAsync("a:upload-admin", "aad-it", [plain, .. files.Skip(1).Select(TeamsFile)]);

        Assert.Contains("นำเข้าทำเนียบเรียบร้อยแล้ว", reply);
        Assert.Contains("people.csv", reply);
        var current = await _bot.Services.GetRequiredService<IOfficeDirectorySource>().CurrentAsync(CancellationToken.None);
        Assert.Equal(DirectoryExamples.Load().People.Count, current.People.Count);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_file_and_row_and_nothing_changes()
    {
        var reply = await SendFilesAsync("a:upload-bad", "aad-it", TeamsFile("bad-people.csv"));

        Assert.Contains("นำเข้าไม่สำเร็จ", reply);
        Assert.Contains("bad-people.csv แถว 2", reply);
        Assert.Contains("bad-people.csv แถว 3", reply);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_is_told_who_may_and_nothing_is_downloaded()
    {
        var reply = await SendFilesAsync("a:upload-teacher", "aad-teacher", TeamsFile("bad-people.csv"));

        Assert.Contains("ผู้ดูแลระบบ", reply);
        Assert.Contains("ขออภัย", reply);
        Assert.Empty(_files.LogEntries);
    }
}

/// <summary>The download itself: hosts, redirects and the size limit, as production (not local mode) runs it.</summary>
public sealed class HttpFileDownloadsTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    private HttpFileDownloads Downloads()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpFileDownloads.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new HttpFileDownloads(factory, Options.Create(new BotCredentials { MicrosoftAppId = "app" }),
            Options.Create(new AreaDirectoryOptions { FileHosts = [_server.Url!] }));
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_even_when_it_does_not_say_its_size()
    {
        _server.Given(Request.Create().WithPath("/big").UsingGet()).RespondWith(Response.Create().WithBody(Enumerable.Repeat((byte)'a', 3000).ToArray()));

        Assert.Equal(DownloadProblem.TooLarge, (await Downloads().DownloadAsync(new Uri(_server.Url + "/big"), 1000, CancellationToken.None)).Problem);
        Assert.Equal(3000, (await Downloads().DownloadAsync(new Uri(_server.Url + "/big"), 5000, CancellationToken.None)).Content!.Length);
    }

    [Fact]
    public async Task Only_the_allowed_hosts_are_asked_also_after_a_redirect()
    {
        var allowed = new Uri(_server.Url!);
        var elsewhere = new UriBuilder(allowed) { Host = allowed.Host == "localhost" ? "127.0.0.1" : "localhost", Path = "/secret" }.Uri;
        _server.Given(Request.Create().WithPath("/moved").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", elsewhere.AbsoluteUri));
        _server.Given(Request.Create().WithPath("/hop").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/final"));
        _server.Given(Request.Create().WithPath("/final").UsingGet()).RespondWith(Response.Create().WithBody("ok"));

        Assert.Equal(DownloadProblem.NotAllowedHost, (await Downloads().DownloadAsync(elsewhere, 1000, CancellationToken.None)).Problem);
        Assert.Equal(DownloadProblem.NotAllowedHost, (await Downloads().DownloadAsync(new Uri(_server.Url + "/moved"), 1000, CancellationToken.None)).Problem);
        Assert.Equal("ok", Encoding.UTF8.GetString((await Downloads().DownloadAsync(new Uri(_server.Url + "/hop"), 1000, CancellationToken.None)).Content!));
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage.Path == "/secret");
    }

    [Fact]
    public async Task An_expired_link_is_a_failed_download()
    {
        Assert.Equal(DownloadProblem.Failed, (await Downloads().DownloadAsync(new Uri(_server.Url + "/gone"), 1000, CancellationToken.None)).Problem);
    }
}
