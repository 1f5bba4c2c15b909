using System.Globalization;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>
/// Which process holds one end of a TCP connection on this machine, read from /proc (Linux): the connection's socket
/// inode from /proc/net/tcp and tcp6, then the process among the candidates with a descriptor on that socket. A
/// receiver knows only its peer's port; this turns it into the silo that sent the request.
/// </summary>
internal static class SocketOwners
{
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>
    /// The candidate holding the socket whose local port is <paramref name="localPort"/> and whose peer's port is
    /// <paramref name="remotePort"/>; null when none does (the connection closed meanwhile).
    /// </summary>
    public static int? Find(int localPort, int remotePort, IEnumerable<int> candidates)
    {
        var sockets = Inodes(localPort, remotePort).Select(inode => $"socket:[{inode}]").ToHashSet(StringComparer.Ordinal);
        if (sockets.Count == 0)
        {
            return null;
        }

        foreach (var pid in candidates)
        {
            if (Descriptors(pid).Any(sockets.Contains))
            {
                return pid;
            }
        }

        return null;
    }

    // Lines of "sl local_address rem_address st ... uid timeout inode", addresses as HEXADDRESS:HEXPORT.
    private static IEnumerable<string> Inodes(int localPort, int remotePort) =>
        from table in Tables
        where File.Exists(table)
        from line in File.ReadLines(table).Skip(1)
        let fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        where fields.Length > 9 && PortOf(fields[1]) == localPort && PortOf(fields[2]) == remotePort
        select fields[9];

    private static int PortOf(string address) =>
        int.Parse(address.AsSpan(address.LastIndexOf(':') + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Descriptors(int pid)
    {
        string[] descriptors;
        try
        {
            descriptors = Directory.GetFiles($"/proc/{pid}/fd");
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            yield break; // the process is gone
        }

        foreach (var descriptor in descriptors)
        {
            string? target;
            try
            {
                target = new FileInfo(descriptor).LinkTarget;
            }
            catch (Exception ex) when (ex is FileNotFoundException or UnauthorizedAccessException or IOException)
            {
                continue; // closed while looking
            }

            if (target is not null)
            {
                yield return target;
            }
        }
    }
}
