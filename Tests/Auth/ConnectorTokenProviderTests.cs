using System.Net;
using AccessToken = Azure.Core.AccessToken;
using TokenCredential = Azure.Core.TokenCredential;
using TokenRequestContext = Azure.Core.TokenRequestContext;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace SupervisionBot.Tests.Auth;

public sealed class ConnectorTokenProviderTests : IDisposable
{
    private const string TenantId = "7d2f0c4e-1111-4a4a-9b9b-0123456789ab";
    private const string AppId = "0f3b8a52-6b2c-4d3e-9a51-2f7c1e4d8b90";
    private const string TokenPath = "/" + TenantId + "/oauth2/v2.0/token";

    private readonly ManualTimeProvider _time = new();
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{Ports.Free()}"] });

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task Posts_client_credentials_for_the_connector_scope_to_the_tenant_endpoint()
    {
        RespondWithToken("token-1");

        var token = await CreateSingleTenantProvider().GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var request = Assert.Single(await _server.LoggedAsync(1)).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"].Single());
        var form = System.Web.HttpUtility.ParseQueryString(request.Body!);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("s3cret&=value", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Token_is_cached_between_calls()
    {
        RespondWithToken("token-1");
        var provider = CreateSingleTenantProvider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(30));
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        Assert.Single(await _server.LoggedAsync(1));
    }

    [Fact]
    public async Task Token_is_renewed_five_minutes_before_it_expires()
    {
        RespondWithToken("token-1", expiresIn: 3600);
        var provider = CreateSingleTenantProvider();
        await provider.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));

        _server.ResetMappings();
        RespondWithToken("token-2", expiresIn: 3600);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, (await _server.LoggedAsync(2)).Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        RespondWithToken("token-1", delay: TimeSpan.FromMilliseconds(300));
        var provider = CreateSingleTenantProvider();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(CancellationToken.None).AsTask()));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Single(await _server.LoggedAsync(1));
    }

    [Fact]
    public async Task Failure_is_reported_and_not_cached()
    {
        _server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.Unauthorized)
                .WithBody("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"""));
        var provider = CreateSingleTenantProvider();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(CancellationToken.None).AsTask());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message);

        _server.ResetMappings();
        RespondWithToken("token-1");
        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Caller_cancelling_does_not_cancel_the_shared_request()
    {
        RespondWithToken("token-1", delay: TimeSpan.FromMilliseconds(300));
        var provider = CreateSingleTenantProvider();
        using var impatient = new CancellationTokenSource();

        var cancelled = provider.GetTokenAsync(impatient.Token).AsTask();
        var patient = provider.GetTokenAsync(CancellationToken.None).AsTask();
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("token-1", await patient);
        Assert.Single(await _server.LoggedAsync(1));
    }

    [Fact]
    public async Task Local_mode_has_no_token()
    {
        var provider = new ConnectorTokenProvider(
            Options.Create(new BotCredentials()), Options.Create(new BotAuthOptions { TokenAuthority = _server.Url! }),
            TestHttp.ClientFactory(), _time, NullLogger<ConnectorTokenProvider>.Instance);

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
        Assert.Empty(await _server.LoggedAsync());
    }

    [Fact]
    public void Managed_identity_bots_get_tokens_from_the_managed_identity()
    {
        var credentials = new BotCredentials { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId };

        var source = ConnectorTokenProvider.CreateSource(credentials, new BotAuthOptions(), TestHttp.ClientFactory(), _time);

        Assert.IsType<ManagedIdentityTokenSource>(source);
    }

    [Fact]
    public async Task Managed_identity_token_is_requested_for_the_connector_scope_and_cached()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("msi-token", _time.GetUtcNow().AddHours(1)));
        var provider = new ConnectorTokenProvider(
            new ManagedIdentityTokenSource(credential.Object, "https://api.botframework.com/.default"),
            _time, TimeSpan.FromMinutes(5), NullLogger<ConnectorTokenProvider>.Instance);

        Assert.Equal("msi-token", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal("msi-token", await provider.GetTokenAsync(CancellationToken.None));

        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(r => r.Scopes.SequenceEqual(new[] { "https://api.botframework.com/.default" })),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private ConnectorTokenProvider CreateSingleTenantProvider() => new(
        Options.Create(new BotCredentials
        {
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "s3cret&=value",
            MicrosoftAppTenantId = TenantId,
        }),
        Options.Create(new BotAuthOptions { TokenAuthority = _server.Url! }),
        TestHttp.ClientFactory(), _time, NullLogger<ConnectorTokenProvider>.Instance);

    private void RespondWithToken(string accessToken, int expiresIn = 3600, TimeSpan? delay = null)
    {
        var response = Response.Create()
            .WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"ext_expires_in":{{expiresIn}},"access_token":"{{accessToken}}"}""");
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }

        _server.Given(Request.Create().WithPath(TokenPath).UsingPost()).RespondWith(response);
    }
}
