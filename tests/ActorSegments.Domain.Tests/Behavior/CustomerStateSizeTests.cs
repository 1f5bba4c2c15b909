using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>State stays bounded whatever the volume (budgets from the precision contract in docs/behavior.md).</summary>
public sealed class CustomerStateSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void HeavyCustomer_TenThousandEventsInAYearOverTwentyTypes_SerializesUnder8KB()
    {
        var sizes = Enumerable.Range(1, 5).Select(seed =>
            CustomerStateCodec.Serialize(CustomerFixtures.Build(events: 10_000, days: 365, types: 20, seed), TimeTiers.Default).Length).ToList();
        output.WriteLine($"heavy customer serialized sizes: {string.Join(", ", sizes)} bytes");

        Assert.All(sizes, size => Assert.True(size < 8 * 1024, $"{size} bytes"));
    }

    [Fact]
    public void HeavyCustomer_AllTwentyTypesEquallyFrequent_StaysUnder12KB()
    {
        // The worst case for size: 500 events of every type, 500 purchases with revenue and category among them.
        var sizes = Enumerable.Range(1, 3).Select(seed =>
            CustomerStateCodec.Serialize(CustomerFixtures.Build(events: 10_000, days: 365, types: 20, seed, uniform: true), TimeTiers.Default).Length).ToList();
        output.WriteLine($"heavy customer, uniform type mix, serialized sizes: {string.Join(", ", sizes)} bytes");

        Assert.All(sizes, size => Assert.True(size < 12 * 1024, $"{size} bytes"));
    }

    [Fact]
    public void TypicalCustomer_FiftyEvents_SerializesUnder1KB()
    {
        var sizes = Enumerable.Range(1, 5).Select(seed =>
            CustomerStateCodec.Serialize(CustomerFixtures.Build(events: 50, days: 180, types: 6, seed), TimeTiers.Default).Length).ToList();
        output.WriteLine($"typical customer serialized sizes: {string.Join(", ", sizes)} bytes");

        Assert.All(sizes, size => Assert.True(size < 1024, $"{size} bytes"));
    }

    [Fact]
    public void ExtremeCustomer_BucketsStopGrowingWithVolume()
    {
        // Past the per-tier bucket caps more events only make the counts bigger: the number of buckets has a ceiling,
        // and bytes grow only with the width of the counts.
        var hundredThousand = CustomerFixtures.Build(events: 100_000, days: 365, types: 5, seed: 7);
        var threeHundredThousand = CustomerFixtures.Build(events: 300_000, days: 365, types: 5, seed: 7);
        var (smallBytes, largeBytes) = (Size(hundredThousand), Size(threeHundredThousand));
        output.WriteLine($"100k events: {Buckets(hundredThousand)} buckets, {smallBytes} bytes; 300k events: {Buckets(threeHundredThousand)} buckets, {largeBytes} bytes");

        var ceiling = Enumerable.Range(0, TimeTiers.Default.Count).Sum(TimeTiers.Default.MaxBuckets);
        Assert.All(threeHundredThousand.EventTypes.Values, series => Assert.InRange(series.BucketCount, 0, ceiling));
        Assert.All(threeHundredThousand.ValueSets.SelectMany(v => v.Value.Values.Select(p => p.Value)), series => Assert.InRange(series.BucketCount, 0, ceiling));
        Assert.True(largeBytes < smallBytes * 1.5, $"{smallBytes} -> {largeBytes} bytes");
    }

    private static int Size(CustomerState state) => CustomerStateCodec.Serialize(state, TimeTiers.Default).Length;

    private static int Buckets(CustomerState state) =>
        state.EventTypes.Values.Sum(s => s.BucketCount) + state.ValueSets.Sum(v => v.Value.Values.Select(p => p.Value).Sum(s => s.BucketCount));
}
