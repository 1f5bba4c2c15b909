using System.Net;
using System.Net.Sockets;

namespace ActorSegments.Testing;

/// <summary>
/// Ports on 127.0.0.1 for servers under test, never the same one twice on this machine while the process lives.
/// </summary>
/// <remarks>
/// Test projects run in parallel processes, each starting servers. Asking the OS for a free port (bind to 0) and
/// binding it later races with the other processes doing the same, since the OS may hand the just-released port out
/// again. So ports come from below the OS's ephemeral range (which it never hands out on its own), and each is
/// claimed across processes by holding an exclusive lock on a file named after it; the lock goes with the process.
/// </remarks>
public static class FreeTcpPort
{
    private const int First = 20_000;
    private const int Count = 12_000; // below 32768, where Linux's ephemeral range starts

    private static readonly List<FileStream> _claims = [];
    private static readonly Lock _gate = new();
    private static readonly string _directory = Path.Combine(Path.GetTempPath(), "actorsegments-test-ports");
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        lock (_gate)
        {
            Directory.CreateDirectory(_directory);
            for (var attempt = 0; attempt < Count; attempt++)
            {
                var port = First + (_next++ % Count);
                if (TryClaim(port) is { } claim)
                {
                    if (IsFree(port))
                    {
                        _claims.Add(claim);
                        return port;
                    }

                    claim.Dispose();
                }
            }

            throw new InvalidOperationException($"no free port between {First} and {First + Count}");
        }
    }

    private static FileStream? TryClaim(int port)
    {
        try
        {
            return new FileStream(Path.Combine(_directory, $"{port}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // another test process holds it
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
