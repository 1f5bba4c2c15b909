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
    }

    private static void Row(string name, int events, int days, Customers.Mix mix)
    {
        var sizes = Enumerable.Range(1, 7)
            .Select(seed => CustomerStateCodec.Serialize(Customers.Build(events, days, seed, mix), TimeTiers.Default).Length)
            .Order()
            .ToArray();
        Console.WriteLine($"| {name} | {events:N0} | {days} | {sizes[sizes.Length / 2]:N0} | {sizes[0]:N0} | {sizes[^1]:N0} |");
    }
}
