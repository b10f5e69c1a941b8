using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SupervisionBot.Tests.Support;

namespace SupervisionBot.Bench;

internal static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilListeningAsync(int port, ChildProcess owner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !owner.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException)
            {
                throw new HarnessException($"{owner.Name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:F0} s.\n{owner.Tail}");
            }
        }
    }

    /// <summary>An in-process Kestrel on a free 127.0.0.1 port, without logging (it would cost CPU the bot needs).</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartServerAsync(Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        // With port 0, Urls holds the port Kestrel actually bound.
        var address = app.Urls.Single();
        return (app, address.TrimEnd('/'));
    }
}

/// <summary>The harness could not measure (as opposed to the bot missing a target): exit non-zero.</summary>
internal sealed class HarnessException(string message) : Exception(message);
