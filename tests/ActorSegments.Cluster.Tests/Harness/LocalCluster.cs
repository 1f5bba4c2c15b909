using System.Globalization;
using System.Text;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Cluster.Tests.Verification;
using ActorSegments.Testing;
using ActorSegments.Testing.Processes;
using Npgsql;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>
/// Silos as separate processes on 127.0.0.1 against a private PostgreSQL, migrated once before any silo starts. Each
/// silo logs to its own file under <see cref="LogDirectory"/>; a scenario run through <see cref="RunAsync"/> prints
/// the end of every log when it fails and keeps the files, and removes them when it passes (unless
/// <see cref="KeepLogsVariable"/> is set, for looking at a run that passed).
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    public const string BootstrapKey = "cluster-tests-bootstrap-key-0123456789abcdef";

    public const string KeepLogsVariable = "ACTORSEGMENTS_TEST_KEEP_LOGS";

    /// <summary>Bounds a start that went wrong; a silo on a busy two-core machine is healthy in well under a minute.</summary>
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(2);

    private readonly Silo?[] _slots;
    private readonly List<Silo> _all = [];
    private readonly IReadOnlyList<string> _settings;
    private bool _passed;

    private LocalCluster(int slots, PrivatePostgres postgres, string logDirectory, IReadOnlyList<string> settings)
    {
        _slots = new Silo?[slots];
        _settings = settings;
        Postgres = postgres;
        LogDirectory = logDirectory;
        Gateways = new Gateways(slots, BootstrapKey);
    }

    public PrivatePostgres Postgres { get; }

    public Gateways Gateways { get; }

    public string LogDirectory { get; }

    /// <summary>The silo running in <paramref name="slot"/> (replacements take their predecessor's slot).</summary>
    public Silo this[int slot] => _slots[slot] ?? throw new InvalidOperationException($"slot {slot} has no silo");

    /// <summary>Starts a private PostgreSQL, migrates it, and starts <paramref name="silos"/> silos, each also given <paramref name="settings"/> (command-line settings, <c>--Section:Key=value</c>).</summary>
    public static async Task<LocalCluster> StartAsync(string name, int silos, CancellationToken cancellationToken, IReadOnlyList<string>? settings = null)
    {
        var logDirectory = Path.Combine(Path.GetTempPath(), "actorsegments-cluster-tests", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(logDirectory);
        var postgres = await PrivatePostgres.StartAsync(cancellationToken);
        var cluster = new LocalCluster(silos, postgres, logDirectory, settings ?? []);
        try
        {
            await CommandLine.RunCheckedAsync("dotnet", [BuildOutput.ServerAssembly, "migrate", $"--ActorSegments:Postgres:ConnectionString={postgres.ConnectionString}"], cancellationToken);
            await Task.WhenAll(Enumerable.Range(0, silos).Select(slot => cluster.StartSiloAsync(slot, cancellationToken)));
            return cluster;
        }
        catch
        {
            cluster.WriteDiagnostics();
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a new silo process (new ports) in <paramref name="slot"/> and waits until it is healthy; the clients' rotation then includes it.</summary>
    public async Task<Silo> StartSiloAsync(int slot, CancellationToken cancellationToken)
    {
        Silo silo;
        lock (_all)
        {
            var number = _all.Count + 1;
            var (grpc, http, siloPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
            var process = ServerProcess.Start($"silo {number}", Path.Combine(LogDirectory, $"silo-{number}.log"), [.. SiloArguments(Postgres.ConnectionString, number, grpc, http, siloPort), .. _settings], SiloEnvironment);
            silo = new Silo(number, process, grpc, http, siloPort);
            _all.Add(silo);
        }

        if (!await silo.Process.WaitUntilHealthyAsync(silo.Health, StartWithin, cancellationToken))
        {
            throw new InvalidOperationException($"{silo} did not become healthy{(silo.Process.HasExited ? $"; it exited with {silo.Process.ExitCode}" : string.Empty)}");
        }

        _slots[slot] = silo;
        Gateways.Set(slot, silo.GrpcAddress);
        return silo;
    }

    /// <summary>The application name of a silo's database sessions.</summary>
    public static string ApplicationName(int siloNumber) => $"silo-{siloNumber}";

    /// <summary>Defines the workload's workspace and segments (through the silo in slot 0), then starts ingesting it through every slot.</summary>
    public async Task<IngestDriver> StartIngestAsync(Workload workload, IngestPace pace, CancellationToken cancellationToken)
    {
        await Definitions.CreateAsync(Gateways.For(this[0].GrpcAddress), workload, cancellationToken);
        return IngestDriver.Start(workload, Gateways, pace, cancellationToken);
    }

    /// <summary>Checks the cluster's data through the silo in slot 0 (which the scenarios leave running).</summary>
    /// <summary>Reads through the first silo still running (a scenario may have killed or frozen any of them).</summary>
    public ClusterVerifier Verifier(Workload workload, AcknowledgementRecord record, CancellationToken cancellationToken) =>
        new(Gateways.For(_slots.First(s => s is { Process.HasExited: false })!.GrpcAddress), workload, record, cancellationToken);

    /// <summary>SIGKILL: the silo vanishes mid-call, without leaving the cluster; the others declare it dead after missed probes.</summary>
    public Silo Kill(int slot)
    {
        var silo = this[slot];
        silo.Process.Kill();
        return silo;
    }

    /// <summary>SIGTERM and wait: the exit code, or null when it did not exit within <paramref name="within"/> (it is killed then).</summary>
    public Task<int?> StopAsync(int slot, TimeSpan within, CancellationToken cancellationToken) =>
        this[slot].Process.StopAsync(within, cancellationToken);

    /// <summary>Runs a scenario; if it fails, the end of every silo's log and of PostgreSQL's goes to the test output.</summary>
    public async Task RunAsync(Func<Task> scenario)
    {
        try
        {
            await scenario();
            _passed = true;
            TestContext.Current.TestOutputHelper?.WriteLine($"Logs in {LogDirectory} (removed unless {KeepLogsVariable} is set)");
        }
        catch
        {
            WriteDiagnostics();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _all)
        {
            silo.Process.Dispose();
        }

        Gateways.Dispose();
        var keep = !_passed || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KeepLogsVariable));
        if (keep)
        {
            CopyPostgresLog();
        }

        await Postgres.DisposeAsync();
        if (!keep)
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
    }

    /// <summary>
    /// What every silo reads from its environment rather than its command line: the bootstrap key. Any local user can
    /// read a process's arguments (ps, /proc/PID/cmdline); its environment only its owner and root.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> SiloEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ActorSegments__Auth__BootstrapKey"] = BootstrapKey,
    };

    /// <summary>
    /// A silo's command line; no secret goes there (see <see cref="SiloEnvironment"/>). The silo's database sessions
    /// carry its name (pg_stat_activity.application_name), so a test can tell them apart.
    /// </summary>
    internal static List<string> SiloArguments(string connectionString, int number, int grpcPort, int httpPort, int siloPort) =>
    [
        $"--ActorSegments:Postgres:ConnectionString={new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName(number) }}",
        $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
        $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}",
        $"--ActorSegments:Cluster:SiloPort={siloPort}",
        "--ActorSegments:Postgres:MigrateOnStart=false",
        "--Logging:Console:FormatterName=simple",
        "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
    ];

    private void CopyPostgresLog()
    {
        var log = Path.Combine(Postgres.Directory, "server.log");
        if (File.Exists(log))
        {
            File.Copy(log, Path.Combine(LogDirectory, "postgres.log"), overwrite: true);
        }
    }

    private void WriteDiagnostics()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Logs kept in {LogDirectory}");
        foreach (var silo in _all)
        {
            var state = silo.Process.HasExited ? $"exited with {silo.Process.ExitCode}" : "running";
            text.AppendLine(CultureInfo.InvariantCulture, $"===== {silo}, {state}: the end of {silo.Process.LogPath}");
            text.AppendLine(silo.Process.LogTail(80));
        }

        text.AppendLine("===== PostgreSQL: the end of its log (all of it is kept next to the silos' logs)");
        text.AppendLine(Postgres.LogTail(40));

        TestContext.Current.TestOutputHelper?.WriteLine(text.ToString());
    }
}
