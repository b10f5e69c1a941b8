using System.Threading.Channels;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Allowed exports wait here, so the invoke that allowed one is answered at once (Teams waits only
/// seconds for it) and a large export writes and uploads in the background, one at a time per
/// instance. An instance that stops mid-export loses it: the user is not told, and asks again.
/// </summary>
public sealed class ExportUploads(IServiceProvider services, ILogger<ExportUploads> logger) : BackgroundService
{
    private const int Capacity = 32;

    private readonly Channel<ExportUpload> _waiting = Channel.CreateBounded<ExportUpload>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    /// <returns>False when too many are waiting already.</returns>
    public bool TryEnqueue(ExportUpload upload) => _waiting.Writer.TryWrite(upload);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var upload in _waiting.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Resolved for each export: it holds the connector's typed HttpClient, which is not meant to live as long as the queue.
                await services.GetRequiredService<ExportDelivery>().DeliverAsync(upload, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Export delivery of {FormId} failed", upload.Request.Filter.FormId);
            }
        }
    }
}
