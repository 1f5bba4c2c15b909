using System.Diagnostics;
using System.Globalization;
using ActorSegments.Load;

namespace ActorSegments.CallCost;

/// <summary>Latencies of sequential calls, and the server's CPU time per call over the same calls.</summary>
internal sealed record CallTimes(double[] Microseconds, double Seconds, double? ServerCpuMicroseconds, double? ServerBytes)
{
    public const string Header = "| build | call | calls | calls/s | p50 µs | p99 µs | server CPU µs/call | server bytes/call |\n|---|---|---|---|---|---|---|---|";

    public static async Task<CallTimes> MeasureAsync(Func<CancellationToken, Task> call, int warmup, int calls, IReadOnlyDictionary<string, int> watches, ServerAllocations allocations, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(cancellationToken);
        }

        var latencies = new double[calls];
        var bytesBefore = await allocations.ReadAsync(cancellationToken);
        var cpuBefore = ProcessCpu.Read(watches);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(cancellationToken);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        total.Stop();
        var cpuAfter = ProcessCpu.Read(watches);
        var bytesAfter = await allocations.ReadAsync(cancellationToken);
        Array.Sort(latencies);
        double? serverCpu = watches.ContainsKey("server") ? (cpuAfter["server"] - cpuBefore["server"]) * 1e6 / calls : null;
        return new CallTimes(latencies, total.Elapsed.TotalSeconds, serverCpu, (bytesAfter - bytesBefore) / calls);
    }

    public string Row(string build, string kind) => string.Create(CultureInfo.InvariantCulture,
        $"| {build} | {kind} | {Microseconds.Length} | {Microseconds.Length / Seconds:0} | {Percentile(0.50):0} | {Percentile(0.99):0} | {Shown(ServerCpuMicroseconds)} | {Shown(ServerBytes)} |");

    private static string Shown(double? value) => value is { } known ? known.ToString("0", CultureInfo.InvariantCulture) : "-";

    private double Percentile(double p) => Microseconds[Math.Min(Microseconds.Length - 1, (int)(p * Microseconds.Length))];
}
