using System.Diagnostics;

namespace ActorSegments.MlCheck;

/// <summary>What building something cost: wall time, bytes allocated on this thread, and the managed heap it left in use.</summary>
internal sealed record TrainingCost<T>(T Result, TimeSpan Elapsed, long AllocatedBytes, long HeapAfterBytes);

internal static class TrainingCost
{
    public static TrainingCost<T> Measure<T>(Func<T> build)
    {
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = build();
        var elapsed = clock.Elapsed;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        GC.Collect();
        return new TrainingCost<T>(result, elapsed, bytes, GC.GetTotalMemory(forceFullCollection: true));
    }
}
