using ActorSegments.Domain.Activity;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>
/// The per-event cost of recognizing a retry, for a new event id (the common case): 100 customers, each with
/// <see cref="Recorded"/> events recorded (100: a typical shopper; 100,000: a heavy customer), each receiving 100 new
/// events. The baseline is the 512-id ring this replaced, which was cheap because it forgot: past 512 events, a retry
/// was applied again.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DedupBenchmarks
{
    private const int CustomerCount = 100;
    private const int NewPerCustomer = 100;
    private const int NewIds = CustomerCount * NewPerCustomer;

    private string[] _history = [];
    private string[] _new = [];
    private EventIdIndex[] _indexes = [];
    private RecentIdRing[] _rings = [];

    [Params(100, 100_000)]
    public int Recorded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = [.. Enumerable.Range(0, Recorded).Select(i => $"inv-{i:D7}-line-{i % 37}")];
        _new = [.. Enumerable.Range(0, NewPerCustomer).Select(i => $"inv-new-{i:D7}")];

        // An iteration is one call of a few milliseconds, too few calls for the JIT to optimize the code it measures
        // before the measurement ends; so both paths run hot here first, with time for the optimized code to arrive.
        for (var round = 0; round < 3; round++)
        {
            Fill();
            Ring();
            Index();
            Thread.Sleep(300);
        }
    }

    // Each iteration starts from the same customers: the ids added by the previous one are dropped.
    [IterationSetup]
    public void Fill()
    {
        _indexes = new EventIdIndex[CustomerCount];
        _rings = new RecentIdRing[CustomerCount];
        for (var c = 0; c < CustomerCount; c++)
        {
            (_indexes[c], _rings[c]) = (new EventIdIndex(), new RecentIdRing());
            foreach (var id in _history)
            {
                _indexes[c].Add(id, _indexes[c].Count + 1);
                _rings[c].Add(id);
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = NewIds, Description = "512-id ring (forgets)")]
    public int Ring()
    {
        var added = 0;
        foreach (var ring in _rings)
        {
            foreach (var id in _new)
            {
                added += ring.Add(id) ? 1 : 0;
            }
        }

        return added;
    }

    [Benchmark(OperationsPerInvoke = NewIds, Description = "event id index (every id)")]
    public int Index()
    {
        var added = 0;
        foreach (var index in _indexes)
        {
            foreach (var id in _new)
            {
                if (!index.MayContain(id))
                {
                    index.Add(id, index.Count + 1);
                    added++;
                }
            }
        }

        return added;
    }
}
