namespace ActorSegments.ClusterBench;

/// <summary>
/// Growth of the managed heap from a baseline, per customer: the heap scenarios' measure. Both ends are taken after
/// full compacting collections, so only what is still reachable counts.
/// </summary>
internal sealed class HeapGrowth
{
    private readonly long _baseline;

    private HeapGrowth(long baseline) => _baseline = baseline;

    /// <summary>Takes the baseline now, before the customers to measure are activated.</summary>
    public static HeapGrowth Start() => new(Settled());

    /// <summary>The heap now less the baseline, divided by <paramref name="customers"/>.</summary>
    public double PerCustomer(int customers) => (Settled() - _baseline) / (double)customers;

    /// <summary>The managed heap after everything unreachable is collected.</summary>
    public static long Settled()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
