using System.Net;
using System.Net.Sockets;

namespace ActorSegments.Testing;

/// <summary>Ports on 127.0.0.1 that nothing listens on now, never the same one twice in a test process.</summary>
public static class FreeTcpPort
{
    private static readonly HashSet<int> _handedOut = [];
    private static readonly Lock _gate = new();

    public static int Next()
    {
        lock (_gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
