using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Time;
using CsCheck;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>
/// The tiered series must agree with a naive recount over the raw events, under the precision contract, whatever
/// the arrival order (late events included) and however far compaction has progressed.
/// </summary>
public sealed class EventSeriesOracleTests
{
    private const long Day = 86_400;
    private static readonly TimeTiers Tiers = TimeTiers.Default;
    private static readonly long[] Windows = [1, 59, 60, 3600, 86_400, 2 * Day, (2 * Day) + 1, 7 * Day, 30 * Day, 35 * Day, 90 * Day, 100 * Day, 365 * Day, 400 * Day];

    private sealed record Scenario(long Base, (long Time, double Value)[] Events, long[] ArrivalOffsets, long[] QueryOffsets);

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(Gen.Int[0, 120], Gen.Int[1, 40], Gen.Int)
            .Select((count, spreadDays, seed) =>
            {
                var random = new Random(seed);
                const long baseTime = 1_750_000_000;
                var spread = spreadDays * Day * 13; // up to ~520 days of history
                var events = Enumerable.Range(0, count)
                    .Select(_ => (baseTime - (long)(random.NextDouble() * spread) + random.Next(-300, 300), Math.Round(random.NextDouble() * 200 - 20, 2)))
                    .ToArray();
                // Events arrive in random order at a non-decreasing clock that starts around the newest event.
                var arrivals = new long[count];
                long clock = 0;
                for (var i = 0; i < count; i++)
                {
                    clock += random.Next(0, 3) == 0 ? random.Next(0, (int)(20 * Day)) : random.Next(0, 120);
                    arrivals[i] = clock;
                }

                random.Shuffle(events);
                var queries = Enumerable.Range(0, 8).Select(_ => clock + random.Next(0, (int)(60 * Day))).ToArray();
                return new Scenario(baseTime, events, arrivals, queries);
            });

    [Fact]
    public void CountsAndAggregates_AgreeWithARecountOfRawEvents()
    {
        Scenarios.Sample(scenario =>
        {
            var series = new EventSeries(slots: 1, bucketSlots: 1);
            for (var i = 0; i < scenario.Events.Length; i++)
            {
                var (time, value) = scenario.Events[i];
                series.Add(time, [value], Tiers, scenario.Base + scenario.ArrivalOffsets[i]);
            }

            var lastArrival = scenario.Events.Length == 0 ? scenario.Base : scenario.Base + scenario.ArrivalOffsets[^1];
            foreach (var offset in scenario.QueryOffsets)
            {
                var now = Math.Max(lastArrival, scenario.Base + offset);
                foreach (var window in Windows)
                {
                    AssertWindow(series, scenario.Events, now, window);
                    AssertWindow(series, scenario.Events, Tiers.WindowExit(now - window + 1, window) - 1, window);
                }

                AssertRange(series, scenario.Events, now, now - (200 * Day), now - (20 * Day));
                AssertRange(series, scenario.Events, now, now - (3 * Day) + 17, now - 3600 + 5);
            }

            Assert.Equal(scenario.Events.Length, series.TotalCount);
        }, iter: 3000);
    }

    private static void AssertWindow(EventSeries series, (long Time, double Value)[] events, long now, long window)
    {
        var tier = Tiers.TierForAge(window);
        var edge = Tiers.BucketIndex(now - window, tier);
        var inWindow = events.Where(e => Tiers.BucketIndex(e.Time, tier) > edge).ToList();

        var start = Tiers.WindowStart(now, window);
        Assert.True(inWindow.Count == series.CountFrom(start), $"count within {window}s at {now}: oracle {inWindow.Count}, series {series.CountFrom(start)}");
        AssertAggregates(series, inWindow.Select(e => e.Value).ToList(), start, long.MaxValue);
    }

    private static void AssertRange(EventSeries series, (long Time, double Value)[] events, long now, long from, long to)
    {
        var (start, end) = Tiers.RangeBounds(now, from, to);
        var (fromTier, toTier) = Tiers.RangeEdgeTiers(now, from, to);
        var inRange = events
            .Where(e => Tiers.AlignDown(e.Time, fromTier) >= Tiers.AlignDown(from, fromTier) && Tiers.AlignDown(e.Time, toTier) < end)
            .ToList();

        Assert.Equal(inRange.Count, series.CountBetween(start, end));
        AssertAggregates(series, inRange.Select(e => e.Value).ToList(), start, end);
    }

    private static void AssertAggregates(EventSeries series, List<double> values, long start, long end)
    {
        if (values.Count == 0)
        {
            Assert.True(double.IsNaN(series.AggregateBetween(0, AggregateKind.Sum, start, end)));
            return;
        }

        AssertClose(values.Sum(), series.AggregateBetween(0, AggregateKind.Sum, start, end));
        Assert.Equal(values.Min(), series.AggregateBetween(0, AggregateKind.Min, start, end));
        Assert.Equal(values.Max(), series.AggregateBetween(0, AggregateKind.Max, start, end));
        AssertClose(values.Average(), series.AggregateBetween(0, AggregateKind.Avg, start, end));
    }

    // Sums are added in a different order than the oracle's, so they agree to rounding, not bit for bit.
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
