using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupervisionBot.Bot.Graph;
using SupervisionBot.Bot.Outbox;
using SupervisionBot.Dialogs.People;

namespace SupervisionBot.Tests.Graph;

public sealed class GraphServicesTests
{
    private static ServiceDescriptor Installer(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TokenCredential>(new FakeGraph.StaticToken());
        services.AddGraph(configuration);
        services.AddOutbox(configuration);
        return Assert.Single(services, d => d.ServiceType == typeof(IAppInstaller));
    }

    [Fact]
    public void With_a_catalogue_app_id_the_outbox_installs_through_graph() =>
        Assert.Equal(typeof(GraphAppInstaller), Installer(new() { ["Graph:TeamsAppId"] = "app-1" }).ImplementationType);

    [Fact]
    public void Without_one_the_outbox_says_no_installer_is_configured() =>
        Assert.Equal(typeof(UnconfiguredAppInstaller), Installer([]).ImplementationType);
}
