using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Tests.Auth;

public sealed class AuthServiceCollectionExtensionsTests
{
    private const string AppId = "0f3b8a52-6b2c-4d3e-9a51-2f7c1e4d8b90";
    private const string TenantId = "7d2f0c4e-1111-4a4a-9b9b-0123456789ab";

    [Fact]
    public async Task Production_without_credentials_refuses_to_start()
    {
        using var host = BuildHost(Environments.Production, new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MicrosoftAppId is not configured", error.Message);
        Assert.Contains("Production", error.Message);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Test")]
    public async Task Local_mode_is_for_development_only_and_every_other_environment_refuses_to_start(string environment)
    {
        using var host = BuildHost(environment, new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("only in the Development environment", error.Message);
        Assert.Contains($"'{environment}'", error.Message);
    }

    [Theory]
    [InlineData("SingleTenant", null, "s3cret", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", TenantId, null, "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", TenantId, "s3cret", "MicrosoftAppType")]
    public async Task Incomplete_credentials_refuse_to_start(string appType, string? tenantId, string? password, string missing)
    {
        using var host = BuildHost(Environments.Development, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = tenantId,
            ["MicrosoftAppPassword"] = password,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Complete_credentials_start_and_are_read_from_root_keys()
    {
        using var host = BuildHost(Environments.Production, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["BotAuth:ClockSkew"] = "00:02:00",
        });

        await host.StartAsync();

        var credentials = host.Services.GetRequiredService<IOptions<BotCredentials>>().Value;
        Assert.Equal(AppId, credentials.MicrosoftAppId);
        Assert.True(credentials.IsManagedIdentity);
        Assert.Equal(TimeSpan.FromMinutes(2), host.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value.ClockSkew);
        Assert.IsType<JwtInboundAuthenticator>(host.Services.GetRequiredService<IInboundAuthenticator>());
        Assert.IsType<ConnectorTokenProvider>(host.Services.GetRequiredService<IConnectorTokenProvider>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Local_mode_in_development_starts_with_a_warning()
    {
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(Environments.Development, new Dictionary<string, string?>(), logs);

        await host.StartAsync();

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("local mode: authentication disabled, only loopback requests accepted", warning.Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task Configured_bot_does_not_warn_about_local_mode()
    {
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(Environments.Production, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppPassword"] = "s3cret",
        }, logs);

        await host.StartAsync();

        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("local mode", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private static IHost BuildHost(string environment, Dictionary<string, string?> settings, CapturingLoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddBotAuthentication(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
