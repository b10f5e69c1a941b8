namespace SupervisionBot.Bot.Storage;

/// <summary>
/// Where the tables live (config section "Storage"). Azure uses <see cref="TableEndpoint"/> with the
/// app's managed identity, so no key is ever configured; local runs use a connection string.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Azurite's well-known development account (a public constant, not a secret) at its default table port.</summary>
    public const string AzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net — used with DefaultAzureCredential.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>Prefix for every table name, so several bots or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "";
}
