using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ActorSegments.Testing.Processes;

/// <summary>
/// The built server (<see cref="BuildOutput.ServerAssembly"/>) running as a process of its own, everything it prints
/// going to a log file. Stopping it the way an orchestrator does (SIGTERM) and killing it (SIGKILL) are both tools of
/// the tests; a process still running when the test process exits is killed, so none outlives a test run.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> _running = new();

    private readonly Process _process;

    static ServerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in _running.Values)
        {
            TryKill(process);
        }
    };

    private ServerProcess(string name, string logPath, Process process)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <c>dotnet ActorSegments.Server.dll</c> with <paramref name="arguments"/>, printing to <paramref name="logPath"/>;
    /// <paramref name="environment"/> adds variables, the way to pass secrets (a command line is readable by any local user).
    /// </summary>
    public static ServerProcess Start(string name, string logPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // The shell only opens the log and then becomes the server (exec): the process id is the server's, and the
        // log holds every line up to a SIGKILL, with nothing buffered in this process.
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null", "bash", logPath, "dotnet", BuildOutput.ServerAssembly, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        _running[process.Id] = process;
        return new ServerProcess(name, logPath, process);
    }

    /// <summary>Polls <paramref name="health"/> until it answers 200; false if the process exits or the time runs out.</summary>
    public async Task<bool> WaitUntilHealthyAsync(Uri health, TimeSpan within, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (!HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }

    /// <summary>Asks the server to stop (SIGTERM) and waits for it to exit; its exit code, or null if it did not exit in time (it is killed then).</summary>
    public async Task<int?> StopAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        if (!HasExited)
        {
            await SignalAsync("-TERM", cancellationToken);
        }

        if (!await WaitForExitAsync(within, cancellationToken))
        {
            Kill();
            return null;
        }

        return ExitCode;
    }

    /// <summary>Freezes the process (SIGSTOP), as a long pause or a partition would: its connections stay open, nothing answers.</summary>
    public Task PauseAsync(CancellationToken cancellationToken) => SignalAsync("-STOP", cancellationToken);

    /// <summary>Lets a paused process run on (SIGCONT).</summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => SignalAsync("-CONT", cancellationToken);

    /// <summary>Ends the process at once (SIGKILL): no drain, no goodbye to the cluster, open connections dropped.</summary>
    public void Kill()
    {
        TryKill(_process);
        _process.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(within);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The last <paramref name="count"/> lines of the log.</summary>
    public string LogTail(int count)
    {
        if (!File.Exists(LogPath))
        {
            return "(no log)";
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(count));
    }

    public void Dispose()
    {
        Kill();
        _running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    /// <summary>Sends a signal; one sent to a process that has just exited is simply lost.</summary>
    private async Task SignalAsync(string signal, CancellationToken cancellationToken) =>
        await CommandLine.RunAsync("kill", [signal, Id.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
