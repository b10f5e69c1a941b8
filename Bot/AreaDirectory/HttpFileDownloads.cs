using System.Net;
using Microsoft.Extensions.Options;
using SupervisionBot.Bot.Auth;
using SupervisionBot.Bot.Connector;
using SupervisionBot.Dialogs.Conversations;

namespace SupervisionBot.Bot.AreaDirectory;

/// <summary>
/// Downloads a file a user sent from its pre-authorised link: only from Teams' file storage hosts
/// (<c>Directory:FileHosts</c>, default SharePoint Online), following redirects only to those hosts,
/// never with the bot's token, and stopping as soon as the limit is passed whatever the file claims.
/// </summary>
public sealed class HttpFileDownloads(IHttpClientFactory clients, IOptions<BotCredentials> credentials, IOptions<AreaDirectoryOptions> options) : IFileDownloads
{
    public const string ClientName = "file-downloads";
    private const int MaxRedirects = 3;

    internal static readonly string[] DefaultFileHosts = ["*.sharepoint.com", "*.sharepoint.us", "*.sharepoint-mil.us"];

    private readonly ServiceUrlPolicy _hosts = new(credentials.Value.IsLocalMode, options.Value.FileHosts.Count > 0 ? options.Value.FileHosts : DefaultFileHosts);

    public async Task<Download> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (_hosts.Check(url.AbsoluteUri) != ServiceUrlVerdict.Allowed)
            {
                return Download.Refused(DownloadProblem.NotAllowedHost);
            }
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode is >= HttpStatusCode.MovedPermanently and <= HttpStatusCode.PermanentRedirect && response.Headers.Location is { } next)
                {
                    url = next.IsAbsoluteUri ? next : new Uri(url, next);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    return Download.Refused(DownloadProblem.Failed);
                }
                if (response.Content.Headers.ContentLength > maxBytes)
                {
                    return Download.Refused(DownloadProblem.TooLarge);
                }
                return await ReadAsync(response.Content, maxBytes, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return Download.Refused(DownloadProblem.Failed);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Download.Refused(DownloadProblem.Failed);
            }
        }
        return Download.Refused(DownloadProblem.Failed);
    }

    private static async Task<Download> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return Download.Refused(DownloadProblem.TooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        return Download.Of(buffer.ToArray());
    }
}
