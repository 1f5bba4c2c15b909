using System.Globalization;

namespace ActorSegments.SqlBaseline;

/// <summary>
/// CPU seconds (user + system) of processes, read from Linux's /proc: the PostgreSQL backend serving one connection,
/// the ActorSegments server, or a whole PostgreSQL instance (its postmaster and every backend, live or exited).
/// </summary>
public static class ProcessCpu
{
    // /proc reports CPU time in USER_HZ, which the kernel fixes at 100 for user space whatever its internal tick rate.
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime of <paramref name="pid"/> in seconds.</summary>
    public static double Of(int pid) => Read(pid) is { } stat ? (stat.UserTicks + stat.SystemTicks) / TicksPerSecond : 0;

    /// <summary>
    /// A PostgreSQL instance's CPU seconds: the postmaster's own and its reaped children's (cutime + cstime) plus every
    /// live child's. Connections that ended are thus still counted.
    /// </summary>
    public static double OfInstance(int postmasterPid)
    {
        var postmaster = Read(postmasterPid) ?? throw new InvalidOperationException($"No process {postmasterPid}.");
        var ticks = (double)postmaster.UserTicks + postmaster.SystemTicks + postmaster.ChildUserTicks + postmaster.ChildSystemTicks;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } stat && stat.ParentPid == postmasterPid)
            {
                ticks += stat.UserTicks + stat.SystemTicks;
            }
        }

        return ticks / TicksPerSecond;
    }

    private readonly record struct Stat(int ParentPid, long UserTicks, long SystemTicks, long ChildUserTicks, long ChildSystemTicks);

    private static Stat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // the process ended between listing and reading
        }

        // The command name (field 2) may hold spaces and parentheses: the fields that follow start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new Stat((int)Field(4), Field(14), Field(15), Field(16), Field(17));
    }
}
