using ActorSegments.BenchSupport;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Time;

namespace ActorSegments.Benchmarks;

/// <summary>Serialized state sizes (bytes) for typical and heavy customers: median, min and max over seeds.</summary>
internal static class SizeReport
{
    public static void Print()
    {
        Console.WriteLine("| customer | events | days | median bytes | min | max |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Row("typical shopper", 50, 180, Customers.Mix.Shopper);
        Row("heavy shopper, 20 event types", 10_000, 365, Customers.Mix.ShopperWithCustomTypes);
        Row("heavy, 20 types equally frequent", 10_000, 365, Customers.Mix.Uniform);
        Row("extreme shopper, 20 event types", 100_000, 365, Customers.Mix.ShopperWithCustomTypes);
        Row("extreme shopper, 20 event types", 300_000, 365, Customers.Mix.ShopperWithCustomTypes);

        Console.WriteLine();
        Console.WriteLine("| journal entries | event id index, heap bytes | per entry | in the snapshot | 512-id ring, heap bytes |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var entries in new[] { 10, 50, 100, 512, 513, 1_000, 10_000, 100_000 })
        {
            IndexRow(entries);
        }
    }

    /// <summary>The heap an active customer's event id index holds, its snapshot bytes, and what the ring it replaced held.</summary>
    private static void IndexRow(int entries)
    {
        var ids = Enumerable.Range(1, entries).Select(i => $"order-{i}-line-{i % 7}").ToArray();
        var index = Retained(entries, () =>
        {
            var index = new EventIdIndex();
            foreach (var id in ids)
            {
                index.Add(id, index.Count + 1);
            }

            return index;
        });
        var ring = Retained(entries, () =>
        {
            var ring = new RecentIdRing();
            foreach (var id in ids)
            {
                ring.Add(id);
            }

            return ring;
        });
        Console.WriteLine($"| {entries:N0} | {index:N0} | {index / entries:N1} | {entries * 4:N0} | {ring:N0} |");
    }

    /// <summary>Heap bytes one object built by <paramref name="build"/> keeps alive, measured over many of them.</summary>
    private static double Retained(int entries, Func<object> build)
    {
        var kept = new object[Math.Max(1, 2_000_000 / entries)];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var n = 0; n < kept.Length; n++)
        {
            kept[n] = build();
        }

        var bytes = (GC.GetTotalMemory(forceFullCollection: true) - before - (kept.Length * 8.0)) / kept.Length;
        GC.KeepAlive(kept);
        return bytes;
    }

    private static void Row(string name, int events, int days, Customers.Mix mix)
    {
        var sizes = Enumerable.Range(1, 7)
            .Select(seed => CustomerStateCodec.Serialize(Customers.Build(events, days, seed, mix), TimeTiers.Default).Length)
            .Order()
            .ToArray();
        Console.WriteLine($"| {name} | {events:N0} | {days} | {Percentiles.Median(sizes.Select(s => (double)s)):N0} | {sizes[0]:N0} | {sizes[^1]:N0} |");
    }
}
