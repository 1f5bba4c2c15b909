using ActorSegments.Domain.Activity;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>
/// The per-event cost of recognizing a retry, for a new event id (the common case): a typical customer (100 ids
/// recorded) and a heavy one (100,000). The baseline is the 512-id ring this replaced, which was cheap because it
/// forgot: past 512 events, a retry was applied again.
/// </summary>
[MemoryDiagnoser]
public class DedupBenchmarks
{
    private const int NewIds = 10_000;

    private string[] _history = [];
    private string[] _new = [];
    private EventIdIndex _index = null!;
    private RecentIdRing _ring = null!;

    [Params(100, 100_000)]
    public int Recorded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = [.. Enumerable.Range(0, Recorded).Select(i => $"inv-{i:D7}-line-{i % 37}")];
        _new = [.. Enumerable.Range(0, NewIds).Select(i => $"inv-new-{i:D7}")];
    }

    // Each iteration starts from the same customer: the ids added by the previous one are dropped.
    [IterationSetup]
    public void Fill()
    {
        _index = new EventIdIndex();
        _ring = new RecentIdRing();
        foreach (var id in _history)
        {
            _index.Add(id, _index.Count + 1);
            _ring.Add(id);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = NewIds, Description = "512-id ring (forgets)")]
    public int Ring()
    {
        var added = 0;
        foreach (var id in _new)
        {
            added += _ring.Add(id) ? 1 : 0;
        }

        return added;
    }

    [Benchmark(OperationsPerInvoke = NewIds, Description = "event id index (every id)")]
    public int Index()
    {
        var added = 0;
        foreach (var id in _new)
        {
            if (!_index.MayContain(id))
            {
                _index.Add(id, _index.Count + 1);
                added++;
            }
        }

        return added;
    }

    /// <summary>The replaced structure, as it was: the last 512 ids as 64-bit hashes, searched linearly.</summary>
    private sealed class RecentIdRing
    {
        private const int Capacity = 512;
        private readonly ulong[] _ring = new ulong[Capacity];
        private int _count;
        private int _next;

        public bool Add(string eventId)
        {
            var hash = System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(eventId));
            if (_ring.AsSpan(0, _count).Contains(hash))
            {
                return false;
            }

            if (_count < Capacity)
            {
                _ring[_count++] = hash;
                return true;
            }

            _ring[_next] = hash;
            _next = (_next + 1) % Capacity;
            return true;
        }
    }
}
