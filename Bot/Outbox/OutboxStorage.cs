using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Storage;

namespace SupervisionBot.Bot.Outbox;

/// <summary>
/// The outbox's queue (what is left to send, shared by every instance) and table (one row per
/// message with its status, plus the rows instances share the rate through).
/// </summary>
public sealed class OutboxStorage
{
    public const string TableName = "Outbox";

    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutboxStorage(SupervisionTables tables, IOptions<StorageOptions> storage, IOptions<OutboxOptions> options, IHostEnvironment environment, TokenCredential? credential = null)
    {
        Table = tables.Table(TableName);
        var queueName = QueueName(storage.Value.TablePrefix);
        var settings = storage.Value;
        if (options.Value.QueueEndpoint is { } endpoint)
        {
            // The same identity the tables use: on App Service, the user-assigned one named by AZURE_CLIENT_ID.
            Queue = new QueueServiceClient(endpoint, credential ?? new DefaultAzureCredential()).GetQueueClient(queueName);
        }
        else if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            Queue = new QueueClient(settings.ConnectionString, queueName);
        }
        else if (!environment.IsProduction())
        {
            Queue = new QueueClient(StorageOptions.AzuriteConnectionString, queueName);
        }
        else
        {
            throw new InvalidOperationException(
                "The outbox queue is not configured: set Outbox__QueueEndpoint (managed identity) or Storage__ConnectionString.");
        }
    }

    public TableClient Table { get; }

    public QueueClient Queue { get; }

    /// <summary>Queue names are lower-case letters, digits and dashes; the table prefix keeps test runs apart here too.</summary>
    public static string QueueName(string prefix)
    {
        var name = new string((prefix + "outbox").ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return name.Length <= 63 ? name : name[^63..];
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _created.TrySetResult();
    }

    public Task WhenCreatedAsync(CancellationToken cancellationToken) => _created.Task.WaitAsync(cancellationToken);

    public async Task<int?> QueueDepthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await Queue.GetPropertiesAsync(cancellationToken);
            return properties.Value.ApproximateMessagesCount;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AuthenticationFailedException)
        {
            return null;
        }
    }
}
