using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Behavior.Serialization;

/// <summary>
/// Binary form of an <see cref="EventSeries"/>. Buckets are written oldest first in runs of one tier. A run is placed
/// by the distance of its first bucket (from the newest event for the first run, else from the previous bucket) and
/// then written either sparse (each bucket as its distance from the previous one in tier units, folded with a
/// "one event" flag) or dense (a bitmap of occupied slots plus counts), whichever is smaller. Numeric aggregates of a
/// single-event bucket are just the value.
/// </summary>
internal static class SeriesCodec
{
    private const int Stride = EventSeries.Stride;
    private const byte DenseFlag = 0x80;

    /// <summary>Set when the tracked slots' totals equal the sum of the buckets (no event has aged out), so they are not written.</summary>
    private const byte DerivedTotalsFlag = 0x80;

    public static void Write(CompactWriter writer, EventSeries series, TimeTiers tiers, long reference)
    {
        var derived = series.BucketSlots > 0 && TotalsAreBucketSums(series);
        writer.Byte((byte)((series.Slots << 4) | series.BucketSlots | (derived ? DerivedTotalsFlag : 0)));
        writer.VarULong((ulong)series.TotalCount);
        if (series.TotalCount == 0)
        {
            return;
        }

        writer.VarLong(reference - series.LastSeen);
        writer.VarULong((ulong)(series.LastSeen - series.FirstSeen));
        var firstWritten = derived ? series.BucketSlots : 0;
        WriteAggregates(writer, series.Totals[(firstWritten * Stride)..], series.Slots - firstWritten, (ulong)series.TotalCount);

        var runs = TierRuns(series);
        writer.VarULong((ulong)runs.Count);
        var previous = series.LastSeen;
        foreach (var (tier, first, length) in runs)
        {
            var resolution = tiers.Resolution(tier);
            var dense = DenseCost(series, first, length, resolution) < SparseCost(series, first, length, resolution);
            writer.Byte((byte)(tier | (dense ? DenseFlag : 0)));
            writer.VarULong((ulong)length);
            var start = series.Bucket(first).Start;
            // The first run is placed back from the newest event's bucket in the run's tier; later runs forward from
            // the previous bucket. Both distances are whole buckets of the run's tier.
            writer.VarLong(first == 0 ? (tiers.AlignDown(series.LastSeen, tier) - start) / resolution : (start - previous) / resolution);
            if (dense)
            {
                WriteDense(writer, series, first, length, resolution);
            }
            else
            {
                WriteSparse(writer, series, first, length, resolution);
            }

            previous = series.Bucket(first + length - 1).Start;
        }
    }

    public static EventSeries Read(ref CompactReader reader, TimeTiers tiers, long reference)
    {
        var shape = reader.Byte();
        var derived = (shape & DerivedTotalsFlag) != 0;
        var (slots, bucketSlots) = ((shape >> 4) & 0x7, shape & 0xF);
        if (bucketSlots > slots)
        {
            throw new InvalidDataException("Customer state has a series with more bucket slots than slots.");
        }

        var series = new EventSeries(slots, bucketSlots);
        var total = (long)reader.VarULong();
        if (total == 0)
        {
            return series;
        }

        var last = reference - reader.VarLong();
        var first = last - (long)reader.VarULong();
        var totals = new double[slots * Stride];
        var firstRead = derived ? bucketSlots : 0;
        ReadAggregates(ref reader, totals.AsSpan(firstRead * Stride), slots - firstRead, (ulong)total);
        var aggregates = new double[slots * Stride];

        var previous = last;
        var isFirstRun = true;
        for (var runs = reader.Count(64); runs > 0; runs--)
        {
            var head = reader.Byte();
            var tier = head & ~DenseFlag;
            if (tier >= tiers.Count)
            {
                throw new InvalidDataException($"Customer state has bucket tier {tier}; the configured horizon has {tiers.Count} tiers.");
            }

            var resolution = tiers.Resolution(tier);
            var length = reader.Count(1 << 20);
            var offset = reader.VarLong();
            var start = isFirstRun ? tiers.AlignDown(last, tier) - (offset * resolution) : previous + (offset * resolution);
            previous = (head & DenseFlag) != 0
                ? ReadDense(ref reader, series, tiers, (byte)tier, start, length, resolution, aggregates)
                : ReadSparse(ref reader, series, tiers, (byte)tier, start, length, resolution, aggregates);
            isFirstRun = false;
        }

        if (derived)
        {
            series.SumBucketsInto(totals, bucketSlots);
        }

        series.Restore(total, first, last, totals);
        return series;
    }

    private static void WriteSparse(CompactWriter writer, EventSeries series, int first, int length, long resolution)
    {
        for (var i = first; i < first + length; i++)
        {
            var (start, _, count) = series.Bucket(i);
            var step = i == first ? 0 : (start - series.Bucket(i - 1).Start) / resolution;
            writer.VarULong(((ulong)step << 1) | (count == 1 ? 0UL : 1UL));
            if (count != 1)
            {
                writer.VarULong((ulong)count - 2);
            }

            WriteAggregates(writer, series.BucketAggregates(i), series.BucketSlots, (ulong)count);
        }
    }

    private static long ReadSparse(ref CompactReader reader, EventSeries series, TimeTiers tiers, byte tier, long start, int length, long resolution, double[] aggregates)
    {
        for (var i = 0; i < length; i++)
        {
            var head = reader.VarULong();
            start += (long)(head >> 1) * resolution;
            var count = (head & 1) == 0 ? 1 : (int)reader.VarULong() + 2;
            ReadAggregates(ref reader, aggregates, series.BucketSlots, (ulong)count);
            series.AppendBucket(start, tier, count, aggregates.AsSpan(0, series.BucketSlots * Stride), tiers);
        }

        return start;
    }

    private static void WriteDense(CompactWriter writer, EventSeries series, int first, int length, long resolution)
    {
        var origin = series.Bucket(first).Start;
        var span = (int)((series.Bucket(first + length - 1).Start - origin) / resolution) + 1;
        writer.VarULong((ulong)span);
        var bitmap = new byte[(span + 7) / 8];
        for (var i = first; i < first + length; i++)
        {
            var slot = (int)((series.Bucket(i).Start - origin) / resolution);
            bitmap[slot / 8] |= (byte)(1 << (slot % 8));
        }

        foreach (var b in bitmap)
        {
            writer.Byte(b);
        }

        for (var i = first; i < first + length; i++)
        {
            var count = series.Bucket(i).Count;
            writer.VarULong((ulong)count - 1);
            WriteAggregates(writer, series.BucketAggregates(i), series.BucketSlots, (ulong)count);
        }
    }

    private static long ReadDense(ref CompactReader reader, EventSeries series, TimeTiers tiers, byte tier, long origin, int length, long resolution, double[] aggregates)
    {
        var span = reader.Count(1 << 24);
        var bitmap = new byte[(span + 7) / 8];
        for (var i = 0; i < bitmap.Length; i++)
        {
            bitmap[i] = reader.Byte();
        }

        var start = origin;
        var read = 0;
        for (var slot = 0; slot < span && read < length; slot++)
        {
            if ((bitmap[slot / 8] & (1 << (slot % 8))) == 0)
            {
                continue;
            }

            start = origin + (slot * resolution);
            var count = (int)reader.VarULong() + 1;
            ReadAggregates(ref reader, aggregates, series.BucketSlots, (ulong)count);
            series.AppendBucket(start, tier, count, aggregates.AsSpan(0, series.BucketSlots * Stride), tiers);
            read++;
        }

        return read == length ? start : throw new InvalidDataException("Customer state has a dense bucket run with fewer buckets than declared.");
    }

    private static bool TotalsAreBucketSums(EventSeries series)
    {
        long inBuckets = 0;
        foreach (var count in series.BucketCounts)
        {
            inBuckets += count;
        }

        if (inBuckets != series.TotalCount)
        {
            return false;
        }

        // Derived only when re-adding the buckets reproduces the totals bit for bit, so a round trip changes nothing.
        Span<double> sums = stackalloc double[series.BucketSlots * Stride];
        series.SumBucketsInto(sums, series.BucketSlots);
        return sums.SequenceEqual(series.Totals[..(series.BucketSlots * Stride)]);
    }

    private static long SparseCost(EventSeries series, int first, int length, long resolution)
    {
        long bytes = 0;
        for (var i = first; i < first + length; i++)
        {
            var (start, _, count) = series.Bucket(i);
            var step = i == first ? 0 : (start - series.Bucket(i - 1).Start) / resolution;
            bytes += VarLength(((ulong)step << 1) | 1) + (count == 1 ? 0 : VarLength((ulong)count - 2));
        }

        return bytes;
    }

    private static long DenseCost(EventSeries series, int first, int length, long resolution)
    {
        var span = ((series.Bucket(first + length - 1).Start - series.Bucket(first).Start) / resolution) + 1;
        long bytes = VarLength((ulong)span) + ((span + 7) / 8);
        for (var i = first; i < first + length; i++)
        {
            bytes += VarLength((ulong)series.Bucket(i).Count - 1);
        }

        return bytes;
    }

    private static int VarLength(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    private static List<(int Tier, int First, int Length)> TierRuns(EventSeries series)
    {
        var runs = new List<(int Tier, int First, int Length)>();
        for (var i = 0; i < series.BucketCount; i++)
        {
            var tier = series.Bucket(i).Tier;
            if (runs.Count > 0 && runs[^1].Tier == tier)
            {
                runs[^1] = (tier, runs[^1].First, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((tier, i, 1));
            }
        }

        return runs;
    }

    /// <summary>
    /// Per slot: how many events had the value (0 meaning all of them); then the one value when one event had it; the
    /// minimum and maximum when two did (their sum is the sum, when adding them back is exact); else sum, minimum and
    /// maximum.
    /// </summary>
    private static void WriteAggregates(CompactWriter writer, ReadOnlySpan<double> aggregates, int slots, ulong events)
    {
        for (var slot = 0; slot < slots; slot++)
        {
            var offset = slot * Stride;
            var present = (ulong)aggregates[offset];
            var (sum, min, max) = (aggregates[offset + 1], aggregates[offset + 2], aggregates[offset + 3]);
            var pairWithExactSum = present == 2 && min + max == sum;
            writer.VarULong(pairWithExactSum ? 1 : present == events ? 0 : present + 2);
            if (present == 1)
            {
                writer.Number(sum);
            }
            else if (present > 1)
            {
                if (!pairWithExactSum)
                {
                    writer.Number(sum);
                }

                writer.Number(min);
                writer.Number(max);
            }
        }
    }

    private static void ReadAggregates(ref CompactReader reader, Span<double> aggregates, int slots, ulong events)
    {
        for (var slot = 0; slot < slots; slot++)
        {
            var offset = slot * Stride;
            var code = reader.VarULong();
            var pair = code == 1;
            var present = pair ? 2 : code == 0 ? events : code - 2;
            EventSeries.ResetAggregate(aggregates, offset);
            aggregates[offset] = present;
            if (present == 1)
            {
                var value = reader.Number();
                (aggregates[offset + 1], aggregates[offset + 2], aggregates[offset + 3]) = (value, value, value);
            }
            else if (pair)
            {
                var (min, max) = (reader.Number(), reader.Number());
                (aggregates[offset + 1], aggregates[offset + 2], aggregates[offset + 3]) = (min + max, min, max);
            }
            else if (present > 1)
            {
                (aggregates[offset + 1], aggregates[offset + 2], aggregates[offset + 3]) = (reader.Number(), reader.Number(), reader.Number());
            }
        }
    }
}
