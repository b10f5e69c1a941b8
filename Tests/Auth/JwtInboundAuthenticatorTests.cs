using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using System.Security.Cryptography;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Auth;

public sealed class JwtInboundAuthenticatorTests : IDisposable
{
    private const string AppId = "0f3b8a52-6b2c-4d3e-9a51-2f7c1e4d8b90";
    private const string ServiceUrl = "https://smba.trafficmanager.net/apac/";
    private static readonly IPAddress Remote = IPAddress.Parse("52.112.0.10");

    private readonly ManualTimeProvider _time = new();
    private readonly LocalTokenAuthority _authority;
    private readonly JwtInboundAuthenticator _authenticator;

    public JwtInboundAuthenticatorTests()
    {
        _authority = LocalTokenAuthority.Start(_time);
        _authenticator = CreateAuthenticator(new BotCredentials { MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppTenantId = "tenant-a" });
    }

    public void Dispose() => _authority.Dispose();

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl));

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [InlineData("api://" + AppId)]
    [InlineData("api://botid-" + AppId)]
    public async Task Api_uri_audiences_for_the_app_are_accepted(string audience)
    {
        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl, new TokenSpec { Audience = audience }));

        Assert.True(result.Accepted, result.Reason);
    }

    [Fact]
    public async Task Bad_signature_is_rejected()
    {
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _authority.CurrentKey.KeyId };

        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl, new TokenSpec { SigningKey = impostor }));

        AssertUnauthorized(result, "InvalidSignature");
    }

    [Fact]
    public async Task Wrong_issuer_is_rejected()
    {
        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl, new TokenSpec { Issuer = "https://api.botframework.evil" }));

        AssertUnauthorized(result, "issuer");
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl, new TokenSpec { Audience = "11111111-2222-3333-4444-555555555555" }));

        AssertUnauthorized(result, "Audience");
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var token = _authority.CreateToken(AppId, ServiceUrl);
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        AssertUnauthorized(await AuthenticateAsync(token), "Lifetime");
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_skew_is_rejected()
    {
        var token = _authority.CreateToken(AppId, ServiceUrl, new TokenSpec { NotBefore = _time.GetUtcNow() + TimeSpan.FromMinutes(6) });

        AssertUnauthorized(await AuthenticateAsync(token), "Lifetime");
    }

    [Fact]
    public async Task Clock_differences_within_the_skew_are_tolerated()
    {
        var notYetValid = _authority.CreateToken(AppId, ServiceUrl, new TokenSpec { NotBefore = _time.GetUtcNow() + TimeSpan.FromMinutes(4) });
        var justExpired = _authority.CreateToken(AppId, ServiceUrl, new TokenSpec { Expires = _time.GetUtcNow() - TimeSpan.FromMinutes(4) });

        Assert.True((await AuthenticateAsync(notYetValid)).Accepted);
        Assert.True((await AuthenticateAsync(justExpired)).Accepted);
    }

    [Fact]
    public async Task Key_without_endorsements_is_forbidden()
    {
        _authority.PublishKeys(LocalTokenAuthority.CreateKey("unendorsed"));

        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl));

        AssertForbidden(result, "endorsed");
    }

    [Fact]
    public async Task Key_endorsed_for_another_channel_is_forbidden()
    {
        _authority.PublishKeys(LocalTokenAuthority.CreateKey("skype-only", "skype"));

        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl));

        AssertForbidden(result, "endorsed");
    }

    [Fact]
    public async Task Activity_from_a_channel_the_key_does_not_endorse_is_forbidden()
    {
        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl), channelId: "webchat");

        AssertForbidden(result, "endorsed");
    }

    [Fact]
    public async Task Service_url_mismatch_is_forbidden()
    {
        var token = _authority.CreateToken(AppId, "https://smba.trafficmanager.net/amer/");

        AssertForbidden(await AuthenticateAsync(token, serviceUrl: ServiceUrl), "serviceurl");
    }

    [Fact]
    public async Task Service_url_comparison_ignores_case_and_trailing_slash()
    {
        var token = _authority.CreateToken(AppId, "https://SMBA.trafficmanager.net/apac");

        var result = await AuthenticateAsync(token, serviceUrl: ServiceUrl);

        Assert.True(result.Accepted, result.Reason);
    }

    [Fact]
    public async Task Unsigned_token_is_rejected()
    {
        AssertUnauthorized(await AuthenticateAsync(_authority.CreateUnsignedToken(AppId, ServiceUrl)), "Signature");
    }

    [Fact]
    public async Task Hs256_token_keyed_with_the_public_key_is_rejected()
    {
        AssertUnauthorized(await AuthenticateAsync(_authority.CreatePublicKeyHmacToken(AppId, ServiceUrl)), "Signature");
    }

    [Fact]
    public async Task Missing_header_is_rejected()
    {
        AssertUnauthorized(await _authenticator.AuthenticateAsync(
            new InboundRequest(null, "msteams", ServiceUrl, Remote), CancellationToken.None), "no Authorization header");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("garbage")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer a b")]
    public async Task Malformed_header_is_rejected(string header)
    {
        AssertUnauthorized(await _authenticator.AuthenticateAsync(
            new InboundRequest(header, "msteams", ServiceUrl, Remote), CancellationToken.None));
    }

    [Fact]
    public async Task Token_from_a_rotated_key_is_accepted_after_refreshing_the_keys()
    {
        Assert.True((await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl))).Accepted);
        var old = _authority.CurrentKey;
        _authority.PublishKeys(LocalTokenAuthority.CreateKey("key-2", "msteams"), old);
        _time.Advance(TimeSpan.FromMinutes(6));

        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl));

        Assert.True(result.Accepted, result.Reason);
        Assert.Equal(2, await _authority.JwksRequestCountAsync(2));
    }

    [Fact]
    public async Task Unknown_keys_do_not_trigger_refreshes_more_often_than_the_minimum_interval()
    {
        Assert.True((await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl))).Accepted);
        var forged = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "made-up" };

        for (var i = 0; i < 3; i++)
        {
            AssertUnauthorized(await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl, new TokenSpec { SigningKey = forged })), "KeyNotFound");
        }

        Assert.Equal(1, await _authority.JwksRequestCountAsync(1));
    }

    [Fact]
    public async Task Keys_are_cached_and_refreshed_after_the_refresh_interval()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl))).Accepted);
        }

        Assert.Equal(1, await _authority.JwksRequestCountAsync(1));

        _time.Advance(TimeSpan.FromHours(24));
        Assert.True((await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl))).Accepted);
        Assert.Equal(2, await _authority.JwksRequestCountAsync(2));
    }

    [Fact]
    public async Task Unreachable_metadata_is_a_503_so_the_channel_retries_not_an_exception()
    {
        var options = new BotAuthOptions { OpenIdMetadataUrl = $"http://127.0.0.1:{Ports.Free()}/nothing-here" };
        var authenticator = new JwtInboundAuthenticator(
            Options.Create(new BotCredentials { MicrosoftAppId = AppId }), Options.Create(options),
            TestHttp.ClientFactory(), _time, NullLogger<JwtInboundAuthenticator>.Instance);

        var result = await authenticator.AuthenticateAsync(
            new InboundRequest("Bearer " + _authority.CreateToken(AppId, ServiceUrl), "msteams", ServiceUrl, Remote), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(503, result.StatusCode);
        Assert.Contains("unavailable", result.Reason);
    }

    [Fact]
    public async Task Failed_metadata_downloads_back_off_instead_of_repeating_per_request()
    {
        using var down = WireMockServer.Start();
        down.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        var options = new BotAuthOptions { OpenIdMetadataUrl = down.Url + LocalTokenAuthority.MetadataPath, MetadataFailureBackoff = TimeSpan.FromSeconds(10) };
        var authenticator = new JwtInboundAuthenticator(
            Options.Create(new BotCredentials { MicrosoftAppId = AppId }), Options.Create(options),
            TestHttp.ClientFactory(), _time, NullLogger<JwtInboundAuthenticator>.Instance);
        async Task<int> StatusAsync() => (await authenticator.AuthenticateAsync(
            new InboundRequest("Bearer " + _authority.CreateToken(AppId, ServiceUrl), "msteams", ServiceUrl, Remote), CancellationToken.None)).StatusCode;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(503, await StatusAsync());
        }
        Assert.Single(await down.LoggedAsync(1));

        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(503, await StatusAsync());
        Assert.Equal(2, (await down.LoggedAsync(2)).Count);

        // The second failure doubles the wait.
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(503, await StatusAsync());
        Assert.Equal(2, down.LogEntries.Count);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(503, await StatusAsync());
        Assert.Equal(3, (await down.LoggedAsync(3)).Count);
    }

    private const string BotServiceTenantIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    private const string OtherApp = "99999999-0000-0000-0000-000000000000";

    private string EntraToken(string issuer, params (string Name, object Value)[] claims) =>
        _authority.CreateToken(AppId, ServiceUrl, new TokenSpec
        {
            Issuer = issuer,
            ExtraClaims = claims.ToDictionary(c => c.Name, c => c.Value),
        });

    [Fact]
    public async Task Entra_token_from_a_bot_service_tenant_is_accepted()
    {
        var result = await AuthenticateAsync(EntraToken(BotServiceTenantIssuer, ("ver", "2.0"), ("azp", OtherApp)));

        Assert.True(result.Accepted, result.Reason);
    }

    [Fact]
    public async Task Entra_token_from_the_bots_tenant_must_come_from_the_bot_itself()
    {
        var issuer = "https://sts.windows.net/tenant-a/";

        Assert.True((await AuthenticateAsync(EntraToken(issuer, ("ver", "1.0"), ("appid", AppId)))).Accepted);
        AssertForbidden(await AuthenticateAsync(EntraToken(issuer, ("ver", "1.0"), ("appid", OtherApp))), "is not the bot");
    }

    [Fact]
    public async Task The_token_version_decides_which_claim_names_the_caller()
    {
        var issuer = "https://login.microsoftonline.com/tenant-a/v2.0";

        // A v2 token's caller is azp; an appid claim naming the bot proves nothing there, and the other way round.
        AssertForbidden(await AuthenticateAsync(EntraToken(issuer, ("ver", "2.0"), ("appid", AppId), ("azp", OtherApp))), "is not the bot");
        AssertForbidden(await AuthenticateAsync(EntraToken(issuer, ("ver", "1.0"), ("azp", AppId), ("appid", OtherApp))), "is not the bot");
        Assert.True((await AuthenticateAsync(EntraToken(issuer, ("ver", "2.0"), ("azp", AppId)))).Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3.0")]
    public async Task Entra_token_of_unknown_version_is_rejected(string? version)
    {
        var token = version is null
            ? EntraToken(BotServiceTenantIssuer, ("azp", AppId), ("appid", AppId))
            : EntraToken(BotServiceTenantIssuer, ("ver", version), ("azp", AppId), ("appid", AppId));

        AssertUnauthorized(await AuthenticateAsync(token), "version");
    }

    [Fact]
    public async Task Entra_token_without_its_caller_claim_is_rejected()
    {
        AssertUnauthorized(await AuthenticateAsync(EntraToken(BotServiceTenantIssuer, ("ver", "2.0"), ("appid", AppId))), "azp");
    }

    [Fact]
    public async Task Allowed_callers_when_configured_restrict_every_entra_token_but_not_channel_tokens()
    {
        var restricted = CreateAuthenticator(
            new BotCredentials { MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppTenantId = "tenant-a" },
            options => options.AllowedCallers = ["11111111-aaaa-bbbb-cccc-000000000001"]);
        Task<InboundAuthResult> Authenticate(string token) =>
            restricted.AuthenticateAsync(new InboundRequest("Bearer " + token, "msteams", ServiceUrl, Remote), CancellationToken.None);

        Assert.True((await Authenticate(EntraToken(BotServiceTenantIssuer, ("ver", "2.0"), ("azp", "11111111-AAAA-bbbb-cccc-000000000001")))).Accepted);
        AssertForbidden(await Authenticate(EntraToken(BotServiceTenantIssuer, ("ver", "2.0"), ("azp", OtherApp))), "AllowedCallers");
        AssertForbidden(await Authenticate(EntraToken("https://sts.windows.net/tenant-a/", ("ver", "1.0"), ("appid", AppId))), "AllowedCallers");
        Assert.True((await Authenticate(_authority.CreateToken(AppId, ServiceUrl))).Accepted);
    }

    [Fact]
    public async Task Entra_token_naming_another_service_url_is_forbidden()
    {
        var token = EntraToken(BotServiceTenantIssuer, ("ver", "2.0"), ("azp", OtherApp), ("serviceurl", "https://smba.trafficmanager.net/amer/"));

        AssertForbidden(await AuthenticateAsync(token), "serviceurl");
    }

    [Fact]
    public async Task Rejection_reasons_shorten_what_the_caller_wrote()
    {
        var result = await AuthenticateAsync(_authority.CreateToken(AppId, ServiceUrl, new TokenSpec { Issuer = "https://x/" + new string('a', 5000) + "\nforged log line" }));

        AssertUnauthorized(result, "issuer");
        Assert.True(result.Reason!.Length < 300, result.Reason);
        Assert.DoesNotContain("\n", result.Reason);
    }

    [Fact]
    public async Task Local_mode_refuses_requests_that_came_through_a_proxy()
    {
        var local = CreateAuthenticator(new BotCredentials());

        var result = await local.AuthenticateAsync(new InboundRequest(null, "emulator", "http://localhost:5000", IPAddress.Loopback, Forwarded: true), CancellationToken.None);

        AssertForbidden(result, "forwarded");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.20.30")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Local_mode_accepts_loopback_callers(string address)
    {
        var local = CreateAuthenticator(new BotCredentials());

        var result = await local.AuthenticateAsync(new InboundRequest(null, "emulator", "http://localhost:5000", IPAddress.Parse(address)), CancellationToken.None);

        Assert.True(result.Accepted, result.Reason);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("52.112.0.10")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("fe80::1")]
    public async Task Local_mode_rejects_other_callers_even_with_a_token(string address)
    {
        var local = CreateAuthenticator(new BotCredentials());

        var result = await local.AuthenticateAsync(
            new InboundRequest("Bearer " + _authority.CreateToken(AppId, ServiceUrl), "msteams", ServiceUrl, IPAddress.Parse(address)), CancellationToken.None);

        AssertUnauthorized(result, "loopback");
    }

    [Fact]
    public async Task Local_mode_rejects_unknown_callers()
    {
        var local = CreateAuthenticator(new BotCredentials());

        AssertUnauthorized(await local.AuthenticateAsync(new InboundRequest(null, "emulator", null, null), CancellationToken.None));
    }

    private JwtInboundAuthenticator CreateAuthenticator(BotCredentials credentials, Action<BotAuthOptions>? configure = null)
    {
        var options = _authority.ApplyTo(new BotAuthOptions());
        configure?.Invoke(options);
        return new(Options.Create(credentials), Options.Create(options), TestHttp.ClientFactory(), _time, NullLogger<JwtInboundAuthenticator>.Instance);
    }

    private Task<InboundAuthResult> AuthenticateAsync(string token, string channelId = "msteams", string serviceUrl = ServiceUrl) =>
        _authenticator.AuthenticateAsync(new InboundRequest("Bearer " + token, channelId, serviceUrl, Remote), CancellationToken.None);

    /// <param name="because">A fragment of the logged reason, so a test cannot pass because of some other defect in its token.</param>
    private static void AssertUnauthorized(InboundAuthResult result, string because = "")
    {
        Assert.False(result.Accepted);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains(because, result.Reason ?? "", StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertForbidden(InboundAuthResult result, string because)
    {
        Assert.False(result.Accepted);
        Assert.Equal(403, result.StatusCode);
        Assert.Contains(because, result.Reason ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
