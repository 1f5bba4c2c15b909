using ActorSegments.Datasets.Synthetic;
using ActorSegments.Domain.Schema;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cli.Tests.Data;

public sealed class SyntheticShopTests
{
    private static readonly DateTime End = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static SyntheticShop Shop(int seed = 7, int customers = 300, int days = 90) => new(seed, customers, days, End);

    [Fact]
    public void Events_SameSeed_ReplayTheSameStream()
    {
        var first = Shop().Events().ToList();
        var second = Shop().Events().ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Events_DifferentSeed_DifferentStream()
    {
        var seven = Shop(seed: 7).Events().Take(500).ToList();
        var eight = Shop(seed: 8).Events().Take(500).ToList();

        Assert.NotEqual(seven, eight);
    }

    [Fact]
    public void Events_SortedByTime_UniqueIds_InsideThePeriod()
    {
        var shop = Shop();
        var events = shop.Events().ToList();
        var times = events.Select(e => e.OccurredAt.ToDateTime()).ToList();

        Assert.Equal(times.Order(), times);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());
        Assert.True(times[0] >= shop.Start && times[^1] < End, $"{times[0]:o} .. {times[^1]:o} outside {shop.Start:o} .. {End:o}");
        Assert.Equal(new DateTime(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc), shop.Start);
    }

    [Fact]
    public void Events_UseTheCommerceSchemasTypesAndProperties()
    {
        var events = Shop().Events().ToList();

        foreach (var evt in events)
        {
            if (WorkspaceSchema.Commerce.EventType(evt.Type) is not { } declared)
            {
                continue;
            }

            foreach (var (name, value) in evt.Properties)
            {
                var property = declared.Property(name);
                Assert.True(property is not null, $"{evt.Type} carries undeclared property {name}");
                Assert.Equal(property.Type == DataType.Number ? Value.KindOneofCase.NumberValue : Value.KindOneofCase.StringValue, value.KindCase);
            }
        }

        var expected = WorkspaceSchema.Commerce.EventTypes.Select(t => t.Name).Where(t => t != "email_replied").Append("wishlist_added").Append("review_submitted");
        Assert.Subset(events.Select(e => e.Type).ToHashSet(), expected.ToHashSet());
    }

    [Fact]
    public void Archetypes_BehaveAsTheirSegmentsNeed()
    {
        var shop = Shop(customers: 500);
        var history = shop.Events().GroupBy(e => e.CustomerId).ToDictionary(g => g.Key, g => new History([.. g], End));
        History Of(SyntheticCustomer c) => history.GetValueOrDefault(c.Id) ?? new History([], End);
        var byArchetype = shop.Customers.GroupBy(c => c.Archetype).ToDictionary(g => g.Key, g => g.Select(Of).ToList());

        Assert.Equal(System.Enum.GetValues<CustomerArchetype>().Length, byArchetype.Count);
        Assert.All(byArchetype[CustomerArchetype.OneTimeBuyer], h => Assert.Equal(1, h.Purchases));
        Assert.All(byArchetype[CustomerArchetype.WindowShopper].Concat(byArchetype[CustomerArchetype.NewVisitor]), h => Assert.True(h.Purchases == 0 && h.Views > 0));
        Assert.All(byArchetype[CustomerArchetype.NewVisitor], h => Assert.True(h.DaysSinceFirstActivity < 7));
        Assert.All(byArchetype[CustomerArchetype.Lapsed], h => Assert.True(h.Purchases >= 1 && h.DaysSinceLastActivity >= 60));
        Assert.All(byArchetype[CustomerArchetype.AtRiskBigSpender], h => Assert.True(h.Purchases >= 1 && h.DaysSinceLastActivity >= 30));
        Assert.True(Median(byArchetype[CustomerArchetype.AtRiskBigSpender], h => h.Revenue) > 2 * Median(byArchetype[CustomerArchetype.Loyal], h => h.Revenue));
        Assert.True(Median(byArchetype[CustomerArchetype.Champion], h => h.Purchases) >= 8);
        Assert.True(byArchetype[CustomerArchetype.Champion].Count(h => h.DaysSinceLastPurchase < 30) >= 0.9 * byArchetype[CustomerArchetype.Champion].Count);
    }

    private static double Median(List<History> histories, Func<History, double> measure)
    {
        var values = histories.Select(measure).Order().ToList();
        return values[values.Count / 2];
    }

    /// <summary>What a segment would look at, computed from one customer's events.</summary>
    private sealed class History(List<Event> events, DateTime end)
    {
        private readonly List<Event> _own = [.. events.Where(e => e.Type != "email_sent")];

        public int Purchases => Bought.Count;

        public int Views => events.Count(e => e.Type == "product_viewed");

        public double Revenue => Bought.Sum(e => e.Properties["revenue"].NumberValue);

        public double DaysSinceLastActivity => DaysSince(_own.Max(e => e.OccurredAt.ToDateTime()));

        public double DaysSinceFirstActivity => DaysSince(_own.Min(e => e.OccurredAt.ToDateTime()));

        public double DaysSinceLastPurchase => Bought.Count == 0 ? double.PositiveInfinity : DaysSince(Bought.Max(e => e.OccurredAt.ToDateTime()));

        private List<Event> Bought => [.. events.Where(e => e.Type == "purchase")];

        private double DaysSince(DateTime time) => (end - time).TotalDays;
    }
}
