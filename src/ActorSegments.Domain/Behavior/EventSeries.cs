using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// Everything one customer did of one kind (an event type, or an event type with one property value): all-time
/// totals, exact first and last times, and tiered time buckets (see <see cref="TimeTiers"/>) that answer "how many,
/// how much, in the last W" and "between A and B" within the precision contract, in bounded space.
/// </summary>
/// <remarks>
/// Buckets are kept sorted by start; older buckets are in coarser (or equal) tiers. Because a bucket only moves to a
/// coarser tier once it is entirely older than its tier's limit, and the reference clock never moves back, no two
/// buckets share a start. Numeric slots hold, per property, how many events had it and their sum, minimum and maximum:
/// all slots in the totals, the first <see cref="BucketSlots"/> (tracked properties) also per bucket.
/// </remarks>
public sealed class EventSeries
{
    internal const int Stride = 4; // per slot: present count, sum, min, max

    /// <summary>Seconds of reference time between compactions triggered by new events.</summary>
    private const long CompactionInterval = 3600;

    // Per bucket: its start, its event count and its tier, in one array (starts, then counts two to a long, then tiers
    // eight to a long) rather than three: a customer holds a dozen series or more, most of one or two buckets, and three
    // arrays cost more in headers than the buckets they hold.
    private long[] _buckets = [];
    private int _capacity;

    // Running totals of the counts (entry i: events in buckets before i), valid up to _prefixValid, so a windowed count
    // costs two binary searches. Kept lazily: new events mostly land in the newest bucket, which invalidates one entry.
    // Small series (most value series) never need them and do not pay their memory.
    private const int DirectSumLimit = 32;
    private long[] _prefix = [];
    private int _prefixValid;
    private double[] _aggregates = [];
    private int _length;
    private long _nextPromotion = UnixTime.Never;
    private long _compactedAt = long.MinValue;
    private TierCounts _perTier;
    private double[] _totals;

    public EventSeries(int slots, int bucketSlots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucketSlots);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, bucketSlots);
        Slots = slots;
        _bucketSlots = checked((byte)bucketSlots);
        _totals = slots == 0 ? [] : new double[slots * Stride]; // most value series carry no numbers
        for (var slot = 0; slot < slots; slot++)
        {
            ResetAggregate(_totals, slot * Stride);
        }
    }

    // Bytes, not ints: an active customer holds a dozen series or more, and at most four numbers are aggregated.
    private byte _slots;
    private readonly byte _bucketSlots;

    /// <summary>Numeric properties aggregated in the totals.</summary>
    public int Slots
    {
        get => _slots;
        private set => _slots = checked((byte)value);
    }

    /// <summary>Numeric properties (the first ones) also aggregated per bucket, so they can be windowed.</summary>
    public int BucketSlots => _bucketSlots;

    public long TotalCount { get; private set; }

    /// <summary>Earliest occurred-at seen (seconds), or <see cref="long.MaxValue"/> when empty.</summary>
    public long FirstSeen { get; private set; } = long.MaxValue;

    /// <summary>Latest occurred-at seen (seconds), or <see cref="long.MinValue"/> when empty.</summary>
    public long LastSeen { get; private set; } = long.MinValue;

    public int BucketCount => _length;

    public bool IsEmpty => TotalCount == 0;

    /// <summary>Bucket start times, oldest first.</summary>
    public ReadOnlySpan<long> BucketStarts => new(_buckets, 0, _length);

    /// <summary>Events per bucket, in the order of <see cref="BucketStarts"/>.</summary>
    public ReadOnlySpan<int> BucketCounts => CountsUpTo(_length);

    internal ReadOnlySpan<double> Totals => _totals;

    private int Width => BucketSlots * Stride;

    /// <summary>Records one event at <paramref name="time"/> with its numeric property values (NaN where absent).</summary>
    public void Add(long time, ReadOnlySpan<double> values, TimeTiers tiers, long reference)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (values.Length > Slots)
        {
            AddSlots(values.Length);
        }

        TotalCount++;
        FirstSeen = Math.Min(FirstSeen, time);
        LastSeen = Math.Max(LastSeen, time);
        for (var slot = 0; slot < Slots && slot < values.Length; slot++)
        {
            Accumulate(_totals, slot * Stride, values[slot]);
        }

        // Compaction only saves space (answers are exact either way), so a busy series does it at most once per
        // simulated interval instead of on every event.
        if (reference - _compactedAt >= CompactionInterval)
        {
            Compact(tiers, reference);
        }

        var tier = tiers.SettledTier(time, 0, reference);
        if (tier < 0)
        {
            return; // older than the horizon: counted in totals only
        }

        var start = tiers.AlignDown(time, tier);
        var index = FindOrInsert(start, (byte)tier);
        _nextPromotion = Math.Min(_nextPromotion, tiers.PromotionTime(start, tier));
        Counts[index]++;
        InvalidatePrefix(index);
        for (var slot = 0; slot < BucketSlots && slot < values.Length; slot++)
        {
            Accumulate(_aggregates, (index * Width) + (slot * Stride), values[slot]);
        }

        if (_perTier[tier] > tiers.MaxBuckets(tier))
        {
            EnforceCaps(tiers);
        }
    }

    /// <summary>Moves buckets into coarser tiers as they age and drops those past the horizon.</summary>
    public void Compact(TimeTiers tiers, long reference)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        _compactedAt = Math.Max(_compactedAt, reference);
        if (reference >= _nextPromotion)
        {
            Rewrite(tiers, reference, promoteTier: -1, promoteCount: 0);
        }
    }

    /// <summary>Events in buckets starting at or after <paramref name="start"/> (see <see cref="TimeTiers.WindowStart"/>).</summary>
    public long CountFrom(long start) => CountBetween(start, long.MaxValue);

    /// <summary>Events in buckets starting in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public long CountBetween(long start, long end)
    {
        var from = LowerBound(start);
        var to = end == long.MaxValue ? _length : LowerBound(end);
        if (to <= from)
        {
            return 0;
        }

        if (to - from <= DirectSumLimit)
        {
            long sum = 0;
            foreach (var count in Counts.Slice(from, to - from))
            {
                sum += count;
            }

            return sum;
        }

        if (_prefix.Length < _length + 1)
        {
            _prefix = new long[_capacity + 1];
            _prefixValid = 0;
        }

        if (_prefixValid < to)
        {
            var counts = Counts;
            for (var i = _prefixValid; i < to; i++)
            {
                _prefix[i + 1] = _prefix[i] + counts[i];
            }

            _prefixValid = to;
        }

        return _prefix[to] - _prefix[from];
    }

    /// <summary>
    /// Combines into <paramref name="accumulator"/> (present count, sum, minimum, maximum) a bucket slot's aggregates over
    /// buckets starting in [start, end), with <paramref name="sign"/> applied to the count and sum.
    /// </summary>
    public void AccumulateBetween(int slot, long start, long end, int sign, Span<double> accumulator)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, BucketSlots);
        var starts = Starts;
        for (var i = LowerBound(start); i < _length && starts[i] < end; i++)
        {
            var a = _aggregates.AsSpan((i * Width) + (slot * Stride), Stride);
            accumulator[0] += sign * a[0];
            accumulator[1] += sign * a[1];
            accumulator[2] = Math.Min(accumulator[2], a[2]);
            accumulator[3] = Math.Max(accumulator[3], a[3]);
        }
    }

    /// <summary>Like <see cref="AccumulateBetween"/> over the all-time totals.</summary>
    public void AccumulateTotal(int slot, int sign, Span<double> accumulator)
    {
        if (slot >= Slots)
        {
            return; // a number the schema declared after this series was created: no event of it recorded here yet
        }

        var a = _totals.AsSpan(slot * Stride, Stride);
        accumulator[0] += sign * a[0];
        accumulator[1] += sign * a[1];
        accumulator[2] = Math.Min(accumulator[2], a[2]);
        accumulator[3] = Math.Max(accumulator[3], a[3]);
    }

    /// <summary>Sum, average, minimum or maximum of a bucket slot over buckets starting in [start, end); NaN when no event had it.</summary>
    public double AggregateBetween(int slot, AggregateKind kind, long start, long end)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, BucketSlots);
        Span<double> acc = stackalloc double[Stride];
        ResetAggregate(acc, 0);
        var starts = Starts;
        for (var i = LowerBound(start); i < _length && starts[i] < end; i++)
        {
            Combine(acc, _aggregates.AsSpan((i * Width) + (slot * Stride), Stride));
        }

        return Result(acc, kind);
    }

    /// <summary>All-time sum, average, minimum or maximum of a numeric slot; NaN when no event had it.</summary>
    public double AggregateTotal(int slot, AggregateKind kind) => slot < Slots ? Result(_totals.AsSpan(slot * Stride, Stride), kind) : double.NaN;

    /// <summary>Index of the first bucket starting at or after <paramref name="start"/>.</summary>
    public int LowerBound(long start)
    {
        var starts = Starts;
        int low = 0, high = _length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (starts[mid] < start)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    internal (long Start, byte Tier, int Count) Bucket(int index) => (Starts[index], Tiers[index], Counts[index]);

    internal ReadOnlySpan<double> BucketAggregates(int index) => _aggregates.AsSpan(index * Width, Width);

    /// <summary>Rebuilds a series from its persisted parts (see the state codec).</summary>
    internal void Restore(long totalCount, long firstSeen, long lastSeen, ReadOnlySpan<double> totals)
    {
        TotalCount = totalCount;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
        totals.CopyTo(_totals);
    }

    /// <summary>Writes into <paramref name="totals"/> the combined aggregates of every bucket for the first slots.</summary>
    internal void SumBucketsInto(Span<double> totals, int slots)
    {
        for (var slot = 0; slot < slots; slot++)
        {
            ResetAggregate(totals, slot * Stride);
            for (var i = 0; i < _length; i++)
            {
                Combine(totals.Slice(slot * Stride, Stride), _aggregates.AsSpan((i * Width) + (slot * Stride), Stride));
            }
        }
    }

    internal void AppendBucket(long start, byte tier, int count, ReadOnlySpan<double> aggregates, TimeTiers tiers)
    {
        _nextPromotion = Math.Min(_nextPromotion, tiers.PromotionTime(start, tier));
        EnsureCapacity(_length + 1);
        Starts[_length] = start;
        Tiers[_length] = tier;
        Counts[_length] = count;
        aggregates.CopyTo(_aggregates.AsSpan(_length * Width, Width));
        _perTier[tier]++;
        InvalidatePrefix(_length);
        _length++;
    }

    /// <summary>
    /// Keeps each tier within its bucket cap by moving its oldest buckets up a tier. It moves a quarter of the cap more
    /// than needed, so a customer at the cap pays for the rewrite once per many events, not on every one.
    /// </summary>
    private void EnforceCaps(TimeTiers tiers)
    {
        for (var tier = 0; tier < tiers.Count; tier++)
        {
            var cap = tiers.MaxBuckets(tier);
            if (_perTier[tier] > cap)
            {
                Rewrite(tiers, long.MinValue, tier, _perTier[tier] - (cap - (cap / 4)));
            }
        }
    }

    /// <summary>
    /// Re-tiers every bucket: settles it for the <paramref name="reference"/> clock, and moves the
    /// <paramref name="promoteCount"/> oldest buckets of <paramref name="promoteTier"/> up one tier; re-aligns starts,
    /// merges buckets that land on the same start and drops those past the horizon. Buckets are visited oldest first
    /// and never move past an older one, so one pass keeps the order.
    /// </summary>
    private void Rewrite(TimeTiers tiers, long reference, int promoteTier, int promoteCount)
    {
        InvalidatePrefix(0);
        var starts = Starts;
        var tiersOf = Tiers;
        var counts = Counts;
        var write = 0;
        _nextPromotion = UnixTime.Never;
        _perTier = default;
        for (var read = 0; read < _length; read++)
        {
            // Bucket starts are aligned to their tier, so "not due yet" needs no division; most buckets stop here.
            int tier = tiersOf[read];
            if (tiers.PromotionTime(starts[read], tier) <= reference)
            {
                tier = tiers.SettledTier(starts[read], tier, reference);
            }

            if (tier == promoteTier && promoteCount > 0)
            {
                promoteCount--;
                tier = tier + 1 < tiers.Count ? tier + 1 : -1;
            }

            if (tier < 0)
            {
                continue;
            }

            var start = tier == tiersOf[read] ? starts[read] : tiers.AlignDown(starts[read], tier);
            if (write > 0 && starts[write - 1] == start)
            {
                Merge(from: read, into: write - 1);
                if (tier > tiersOf[write - 1])
                {
                    _perTier[tiersOf[write - 1]]--;
                    _perTier[tier]++;
                    tiersOf[write - 1] = (byte)tier;
                }

                continue;
            }

            if (read != write)
            {
                counts[write] = counts[read];
                Array.Copy(_aggregates, read * Width, _aggregates, write * Width, Width);
            }

            starts[write] = start;
            tiersOf[write] = (byte)tier;
            _nextPromotion = Math.Min(_nextPromotion, tiers.PromotionTime(start, tier));
            _perTier[tier]++;
            write++;
        }

        _length = write;
    }

    private int FindOrInsert(long start, byte tier)
    {
        var index = LowerBound(start);
        if (index < _length && Starts[index] == start)
        {
            var tiersOf = Tiers;
            if (tier > tiersOf[index])
            {
                _perTier[tiersOf[index]]--;
                _perTier[tier]++;
                tiersOf[index] = tier;
            }

            return index;
        }

        EnsureCapacity(_length + 1);
        var starts = Starts;
        var tiers = Tiers;
        var counts = Counts;
        var tail = _length - index;
        if (tail > 0)
        {
            starts.Slice(index, tail).CopyTo(starts[(index + 1)..]);
            tiers.Slice(index, tail).CopyTo(tiers[(index + 1)..]);
            counts.Slice(index, tail).CopyTo(counts[(index + 1)..]);
            Array.Copy(_aggregates, index * Width, _aggregates, (index + 1) * Width, tail * Width);
        }

        starts[index] = start;
        tiers[index] = tier;
        _perTier[tier]++;
        counts[index] = 0;
        InvalidatePrefix(index);
        for (var slot = 0; slot < BucketSlots; slot++)
        {
            ResetAggregate(_aggregates, (index * Width) + (slot * Stride));
        }

        _length++;
        return index;
    }

    private void EnsureCapacity(int needed)
    {
        if (_capacity >= needed)
        {
            return;
        }

        // Starting from one bucket: most per-value series of an active customer never hold more than a few, and four
        // arrays sized for four buckets cost more than the events they describe.
        var capacity = Math.Max(needed, _capacity * 2);
        // The spans keep reading the old array while the new one is filled.
        var starts = BucketStarts;
        ReadOnlySpan<byte> tiers = Tiers[.._length];
        var counts = BucketCounts;
        (_buckets, _capacity) = (new long[capacity + CountWords(capacity) + TierWords(capacity)], capacity);
        starts.CopyTo(Starts);
        counts.CopyTo(Counts);
        tiers.CopyTo(Tiers);
        Array.Resize(ref _aggregates, capacity * Width);
        if (_prefix.Length > 0)
        {
            Array.Resize(ref _prefix, capacity + 1);
        }
    }

    /// <summary>
    /// Makes room for number properties a schema change appended (untracked ones only, so buckets keep their layout);
    /// their totals start from the events recorded from now on.
    /// </summary>
    private void AddSlots(int slots)
    {
        var first = Slots;
        Array.Resize(ref _totals, slots * Stride);
        for (var slot = first; slot < slots; slot++)
        {
            ResetAggregate(_totals, slot * Stride);
        }

        Slots = slots;
    }

    private Span<long> Starts => _buckets.AsSpan(0, _capacity);

    private Span<int> Counts => CountsUpTo(_capacity);

    /// <summary>
    /// The first <paramref name="length"/> counts (at most the capacity), read straight from the array: rules read
    /// counts bucket by bucket in their tightest loops, where a checked reinterpretation of the array cost a heavy
    /// customer half again as long per event. Safe because the array always holds <c>CountWords(_capacity)</c> longs
    /// (twice as many ints as the capacity, rounded up) after the starts, and callers ask for at most the capacity.
    /// </summary>
    private Span<int> CountsUpTo(int length)
    {
        Debug.Assert(length <= _capacity && _buckets.Length >= _capacity + CountWords(_capacity), "counts are read within the capacity");
        ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buckets), _capacity);
        return MemoryMarshal.CreateSpan(ref Unsafe.As<long, int>(ref first), length);
    }

    private Span<byte> Tiers => MemoryMarshal.Cast<long, byte>(_buckets.AsSpan(_capacity + CountWords(_capacity), TierWords(_capacity)));

    private static int CountWords(int capacity) => (capacity + 1) / 2;

    private static int TierWords(int capacity) => (capacity + 7) / 8;

    /// <summary>Marks the running totals from bucket <paramref name="index"/> on as stale.</summary>
    private void InvalidatePrefix(int index) => _prefixValid = Math.Min(_prefixValid, index);

    private void Merge(int from, int into)
    {
        var counts = Counts;
        counts[into] += counts[from];
        for (var slot = 0; slot < BucketSlots; slot++)
        {
            Combine(_aggregates.AsSpan((into * Width) + (slot * Stride), Stride), _aggregates.AsSpan((from * Width) + (slot * Stride), Stride));
        }
    }

    internal static void ResetAggregate(Span<double> target, int offset)
    {
        target[offset] = 0;
        target[offset + 1] = 0;
        target[offset + 2] = double.PositiveInfinity;
        target[offset + 3] = double.NegativeInfinity;
    }

    private static void Accumulate(Span<double> target, int offset, double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        target[offset]++;
        target[offset + 1] += value;
        target[offset + 2] = Math.Min(target[offset + 2], value);
        target[offset + 3] = Math.Max(target[offset + 3], value);
    }

    private static void Combine(Span<double> into, ReadOnlySpan<double> from)
    {
        into[0] += from[0];
        into[1] += from[1];
        into[2] = Math.Min(into[2], from[2]);
        into[3] = Math.Max(into[3], from[3]);
    }

    private static double Result(ReadOnlySpan<double> acc, AggregateKind kind) => acc[0] == 0 && kind != AggregateKind.Count
        ? double.NaN
        : kind switch
        {
            AggregateKind.Count => acc[0],
            AggregateKind.Sum => acc[1],
            AggregateKind.Avg => acc[1] / acc[0],
            AggregateKind.Min => acc[2],
            AggregateKind.Max => acc[3],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    /// <summary>Buckets per tier, kept up to date so the cap check costs nothing per event (16-bit: caps are hundreds).</summary>
    [System.Runtime.CompilerServices.InlineArray(TimeTiers.MaxTiers)]
    private struct TierCounts
    {
        private ushort _first;
    }
}
