using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Connector;

namespace SupervisionBot.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    private static readonly ServiceUrlPolicy Defaults = new(localMode: false, []);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/apac")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    [InlineData("https://europe.directline.botframework.com/")]
    public void Teams_and_bot_framework_service_hosts_are_allowed_by_default(string serviceUrl) =>
        Assert.Equal(ServiceUrlVerdict.Allowed, Defaults.Check(serviceUrl));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("https://evil.example/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://evilsmba.trafficmanager.net/")]
    [InlineData("https://directline.botframework.com.evil.example/")]
    [InlineData("http://127.0.0.1:5000/")]
    public void Other_hosts_schemes_and_ports_are_not(string serviceUrl) =>
        Assert.Equal(ServiceUrlVerdict.NotAllowed, Defaults.Check(serviceUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("/v3/conversations")]
    [InlineData("smba.trafficmanager.net/amer")]
    [InlineData("https://user:pass@smba.trafficmanager.net/amer/")]
    public void Anything_but_an_absolute_http_url_is_malformed_even_in_local_mode(string? serviceUrl)
    {
        Assert.Equal(ServiceUrlVerdict.Malformed, Defaults.Check(serviceUrl));
        Assert.Equal(ServiceUrlVerdict.Malformed, new ServiceUrlPolicy(localMode: true, []).Check(serviceUrl));
    }

    [Fact]
    public void Local_mode_accepts_any_http_url()
    {
        Assert.Equal(ServiceUrlVerdict.Allowed, new ServiceUrlPolicy(localMode: true, []).Check("http://localhost:56150/"));
    }

    [Fact]
    public void A_configured_list_replaces_the_defaults()
    {
        var policy = new ServiceUrlPolicy(localMode: false, ["bots.example.org", "http://127.0.0.1:7000"]);

        Assert.Equal(ServiceUrlVerdict.Allowed, policy.Check("https://bots.example.org/x/"));
        Assert.Equal(ServiceUrlVerdict.Allowed, policy.Check("http://127.0.0.1:7000/"));
        Assert.Equal(ServiceUrlVerdict.NotAllowed, policy.Check("http://127.0.0.1:7001/"));
        Assert.Equal(ServiceUrlVerdict.NotAllowed, policy.Check("https://smba.trafficmanager.net/amer/"));
    }

    [Theory]
    [InlineData("http://connector.example.org")]
    [InlineData("not a host/")]
    [InlineData("*.")]
    public void An_entry_that_would_send_the_token_in_the_clear_or_cannot_be_read_stops_the_bot(string entry)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ServiceUrlPolicy(localMode: false, [entry]));

        Assert.Contains("Connector:AllowedServiceHosts", error.Message);
    }
}
