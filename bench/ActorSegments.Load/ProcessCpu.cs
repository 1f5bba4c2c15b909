using System.Diagnostics;
using System.Globalization;

namespace ActorSegments.Load;

/// <summary>
/// CPU time spent by processes of this machine, read from Linux's /proc: a process with its live descendants and the
/// children it has already reaped (a PostgreSQL postmaster's backends). With the server, the database and the load
/// generator on the same cores, what each spends per event says where the limit is; wall-clock rates alone do not.
/// </summary>
public static class ProcessCpu
{
    // Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ), whatever the kernel's own tick rate.
    private const double TicksPerSecond = 100;

    /// <summary>Parses "name=pid" (e.g. "server=4242").</summary>
    public static KeyValuePair<string, int> ParseWatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('=', 2);
        return parts.Length == 2 && parts[0].Length > 0 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? new(parts[0], pid)
            : throw new FormatException($"'{text}' is not name=pid (e.g. server=4242).");
    }

    /// <summary>Seconds of CPU each watched process tree and this generator have used so far.</summary>
    public static Dictionary<string, double> Read(IReadOnlyDictionary<string, int> watches)
    {
        ArgumentNullException.ThrowIfNull(watches);
        var seconds = watches.ToDictionary(w => w.Key, w => TreeTicks(w.Value) / TicksPerSecond, StringComparer.Ordinal);
        using var self = Process.GetCurrentProcess();
        seconds["generator"] = self.TotalProcessorTime.TotalSeconds;
        return seconds;
    }

    /// <summary>Runs <paramref name="run"/> and attaches the CPU seconds each process spent during it.</summary>
    public static async Task<RunResult> MeasureAsync(IReadOnlyDictionary<string, int> watches, Func<Task<RunResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var before = Read(watches);
        var result = await run();
        var after = Read(watches);
        return result with { CpuSeconds = after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal) };
    }

    private static long TreeTicks(int pid)
    {
        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is the
        // 14th field of the line, stime the 15th, reaped children's cutime and cstime the 16th and 17th.
        var stat = TryReadAllText($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        foreach (var task in SafeDirectories($"/proc/{pid}/task"))
        {
            var children = TryReadAllText(Path.Combine(task, "children")) ?? string.Empty;
            foreach (var child in children.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                ticks += TreeTicks(int.Parse(child, CultureInfo.InvariantCulture));
            }
        }

        return ticks;
    }

    private static string? TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the process ended between listing and reading
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
