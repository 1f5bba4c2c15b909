using System.Collections.Concurrent;
using System.Globalization;

namespace ActorSegments.Testing.Processes;

/// <summary>
/// A PostgreSQL server of one test's own, started and controlled through <c>scripts/lib/postgres.sh</c> (the same
/// throwaway servers scripts and benchmarks use), for tests that stop and restart the database: the shared test
/// server (<see cref="TestPostgres"/>) serves other test assemblies running meanwhile. Always removed on dispose, and
/// when the test process exits.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    /// <summary>
    /// Commits wait for their WAL to reach the operating system (synchronous_commit on), as a production server's do
    /// for this kind of test: an acknowledged event must survive the database stopping. fsync stays off because the
    /// machine itself does not crash in a test.
    /// </summary>
    private const string ServerOptions = "-c fsync=off -c full_page_writes=off";

    private static readonly ConcurrentDictionary<string, byte> _live = new();
    private static readonly string _library = Path.Combine(BuildOutput.RepositoryRoot, "scripts", "lib", "postgres.sh");

    static PrivatePostgres() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var directory in _live.Keys)
        {
            Control(directory, "pg_stop", CancellationToken.None).GetAwaiter().GetResult();
        }
    };

    private PrivatePostgres(string directory, string connectionString, int port)
    {
        Directory = directory;
        ConnectionString = connectionString;
        Port = port;
    }

    /// <summary>The server's files (data, log); removed on dispose.</summary>
    public string Directory { get; }

    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>Starts a new server on a port claimed for this test process, so nobody takes it while the server is halted.</summary>
    public static async Task<PrivatePostgres> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreeTcpPort.Next();
        var output = await CommandLine.RunCheckedAsync(
            "bash",
            ["-c", "source \"$1\" && PG_START_PORT=$2 PG_EXTRA_OPTIONS=$3 pg_start >&2 && printf '%s\\n' \"$PG_DIR\" \"$PG_CONNECTION_STRING\"",
             "bash", _library, port.ToString(CultureInfo.InvariantCulture), ServerOptions],
            cancellationToken);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _live[lines[0]] = 0;
        return new PrivatePostgres(lines[0], lines[1], port);
    }

    /// <summary>Stops the server as an operator would (fast shutdown: sessions are ended, then a checkpoint), keeping its data.</summary>
    public Task HaltAsync(CancellationToken cancellationToken) => Control(Directory, "pg_halt", cancellationToken);

    /// <summary>Starts the halted server again, on the same port with the same data.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => Control(Directory, "pg_resume", cancellationToken);

    /// <summary>The end of the server's own log.</summary>
    public string LogTail(int count)
    {
        var path = Path.Combine(Directory, "server.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(count)) : "(no log)";
    }

    public async ValueTask DisposeAsync()
    {
        if (_live.TryRemove(Directory, out _))
        {
            await Control(Directory, "pg_stop", CancellationToken.None);
        }
    }

    private static async Task Control(string directory, string function, CancellationToken cancellationToken) =>
        await CommandLine.RunCheckedAsync("bash", ["-c", "source \"$1\" && pg_attach \"$2\" && $3", "bash", _library, directory, function], cancellationToken);
}
