using System.Diagnostics;

namespace ActorSegments.MlCheck;

/// <summary>What building something cost: wall time, bytes allocated in the process, and the managed heap it left in use.</summary>
/// <remarks>
/// Allocations are counted process-wide, not on the calling thread: the collaborative trainer works in parallel, and
/// the calling thread sees only its own share. The checks run nothing else meanwhile.
/// </remarks>
internal sealed record TrainingCost<T>(T Result, TimeSpan Elapsed, long AllocatedBytes, long HeapAfterBytes);

internal static class TrainingCost
{
    public static TrainingCost<T> Measure<T>(Func<T> build)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = build();
        var elapsed = clock.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        GC.Collect();
        return new TrainingCost<T>(result, elapsed, bytes, GC.GetTotalMemory(forceFullCollection: true));
    }
}
