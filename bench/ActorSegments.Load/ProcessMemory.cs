using System.Globalization;

namespace ActorSegments.Load;

/// <summary>
/// The resident set of a process, read from Linux's /proc, sampled while a run goes on: the largest value seen is
/// what the process needed under that load (the managed heap, buffers, everything held for queued calls).
/// </summary>
internal sealed class ProcessMemory : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    private ProcessMemory(int pid)
    {
        _pid = pid;
        _sampling = SampleAsync();
    }

    /// <summary>Starts sampling the process watched as "server", or returns null when there is none.</summary>
    public static ProcessMemory? WatchServer(IReadOnlyDictionary<string, int> watches) =>
        watches.TryGetValue("server", out var pid) ? new ProcessMemory(pid) : null;

    /// <summary>The largest resident set seen so far, in bytes.</summary>
    public long Peak => Math.Max(Interlocked.Read(ref _peak), Read(_pid));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    /// <summary>VmRSS of /proc/pid/status, in bytes; 0 when the process is gone.</summary>
    public static long Read(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = Read(_pid);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            try
            {
                await Task.Delay(Every, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
