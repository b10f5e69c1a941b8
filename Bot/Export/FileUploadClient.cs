using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.AreaDirectory;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;

namespace SupervisionBot.Bot.Export;

/// <summary>
/// Puts a file to the upload URL Teams gives when the user allows it (a OneDrive upload session):
/// consecutive fragments, each a multiple of 320 KiB but the last, each saying its place with
/// <c>Content-Range: bytes first-last/total</c>. The URL is pre-authorised: no token goes with it,
/// the bot's least of all, and only to the allowed hosts.
/// </summary>
public sealed class FileUploadClient(IHttpClientFactory clients, IOptions<BotCredentials> credentials, IOptions<ExportOptions> options)
{
    public const string ClientName = "file-uploads";

    private readonly ServiceUrlPolicy _hosts = new(credentials.Value.IsLocalMode,
        options.Value.UploadHosts.Count > 0 ? options.Value.UploadHosts : HttpFileDownloads.DefaultFileHosts);

    /// <returns>Null when every fragment was taken, else what went wrong (for the log).</returns>
    public async Task<string?> UploadAsync(Uri uploadUrl, Stream file, CancellationToken cancellationToken)
    {
        if (_hosts.Check(uploadUrl.AbsoluteUri) != ServiceUrlVerdict.Allowed)
        {
            return $"upload host {uploadUrl.Host} is not allowed";
        }
        var client = clients.CreateClient(ClientName);
        var total = file.Length;
        var buffer = new byte[(int)Math.Min(options.Value.UploadFragmentBytes, Math.Max(total, 1))];
        file.Position = 0;
        for (long first = 0; first < total;)
        {
            var length = await FillAsync(file, buffer, cancellationToken);
            using var content = new ByteArrayContent(buffer, 0, length);
            content.Headers.ContentRange = new ContentRangeHeaderValue(first, first + length - 1, total);
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = content };
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return $"fragment at {first} answered {(int)response.StatusCode}";
                }
            }
            catch (HttpRequestException ex)
            {
                return $"fragment at {first} failed: {ex.HttpRequestError}";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return $"fragment at {first} timed out";
            }
            first += length;
        }
        return null;
    }

    private static async Task<int> FillAsync(Stream file, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await file.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }
        return filled;
    }
}
