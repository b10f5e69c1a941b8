using Azure.Data.Tables;
using SupervisionBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SupervisionBot.Tests.Messaging;

/// <summary>
/// Two real bots over one Azurite: one with credentials as in Azure (tokens from a <see cref="LocalTokenAuthority"/>,
/// tenant <see cref="Tenant"/>, the WireMock connector as its only allowed service host), one in local mode.
/// </summary>
public sealed class InboundHardeningFixture : IAsyncLifetime
{
    public const string AppId = "5b1e9d0a-7c3f-4e2a-9d8b-1f2e3d4c5b6a";
    public const string Tenant = "tenant-ours";

    private readonly WireMockServer _tokenServer = WireMockServer.Start();
    private string _storageConnectionString = "";

    public WireMockServer Connector { get; } = WireMockServer.Start();
    public LocalTokenAuthority Authority { get; } = LocalTokenAuthority.Start();
    public RunningBot Production { get; private set; } = null!;
    public RunningBot Local { get; private set; } = null!;
    public string ProductionPrefix { get; } = Azurite.NewTablePrefix("hardprod");
    public string LocalPrefix { get; } = Azurite.NewTablePrefix("hardlocal");
    public string ServiceUrl => Connector.Url + "/";

    public async Task InitializeAsync()
    {
        // Low priority, so a test can answer one conversation differently.
        Connector.Given(Request.Create().WithPath("/v3/conversations/*").UsingAnyMethod()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"sent\"}"));
        _tokenServer.Given(Request.Create().WithPath($"/{Tenant}/oauth2/v2.0/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"outbound-token\"}"));
        var azurite = await Azurite.GetAsync();
        _storageConnectionString = azurite.ConnectionString;
        var settings = new Dictionary<string, string?>(Authority.ConfigurationValues)
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-only-secret",
            ["MicrosoftAppTenantId"] = Tenant,
            ["BotAuth:TokenAuthority"] = _tokenServer.Url,
            ["Connector:AllowedServiceHosts:0"] = Connector.Url,
        };
        Production = await RunningBot.StartAsync(azurite.ConnectionString, ProductionPrefix, settings, environment: "Production");
        // The switch that makes ASP.NET believe X-Forwarded-For; local mode must not.
        Local = await RunningBot.StartAsync(azurite.ConnectionString, LocalPrefix, new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await Production.DisposeAsync();
        await Local.DisposeAsync();
        Connector.Stop();
        _tokenServer.Stop();
        Authority.Dispose();
    }

    /// <summary>Every entity in every table of one bot: what "nothing stored" is measured against.</summary>
    public async Task<int> StoredEntitiesAsync(string prefix)
    {
        var service = new TableServiceClient(_storageConnectionString);
        var count = 0;
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            // Partitions named "~…" are background jobs' own bookkeeping (outbox heartbeats and rate, the
            // scheduler's cursor), written on their own clock rather than by any request.
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count += entity.PartitionKey.StartsWith('~') ? 0 : 1;
            }
        }
        return count;
    }
}
