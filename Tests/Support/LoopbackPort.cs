using System.Net;
using System.Net.Sockets;

namespace SupervisionBot.Tests.Support;

public static class LoopbackPort
{
    /// <summary>A free port on 127.0.0.1, so test servers never listen on other interfaces.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
