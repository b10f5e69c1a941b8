namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Where the tables live (config section "Storage"). Azure uses <see cref="TableEndpoint"/> with the
/// app's managed identity, so no key is ever configured; local runs use a connection string.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Azurite at its default ports: what local runs use when nothing is configured.</summary>
    public static string AzuriteConnectionString { get; } = Azurite(tablePort: 10002, queuePort: 10001);

    /// <summary>
    /// Azurite's well-known development account (a public constant, not a secret) on 127.0.0.1 at the
    /// given ports; tests run their own Azurite on free ports.
    /// </summary>
    public static string Azurite(int tablePort, int queuePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";

    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net — used with the app's managed identity (<see cref="Auth.AppCredential"/>).</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>Prefix for every table name, so several bots or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "";
}
