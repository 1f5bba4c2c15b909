using ActorSegments.Protos.V1;

namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// A seeded simulation of an online shop: <c>customers</c> customers of the archetypes in
/// <see cref="ArchetypeProfile.All"/> over the <c>days</c> UTC calendar days that end with the day of <c>end</c>, and
/// only events before <c>end</c>. The same arguments give the same stream, event for event; works with no data on the
/// machine, which is why the demo starts from it.
/// </summary>
/// <remarks>
/// Meant for periods of a few weeks or more (the archetypes' windows are fractions of the period). Events come out
/// sorted by time, generated a day at a time, so memory holds one day of events, not the whole stream.
/// </remarks>
public sealed class SyntheticShop
{
    private static readonly string[] Countries = ["United Kingdom", "United Kingdom", "United Kingdom", "Germany", "France", "Spain", "Netherlands", "United States"];

    private readonly string _workspaceId;

    public SyntheticShop(int seed, int customers, int days, DateTime end, string workspaceId = "demo")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        _workspaceId = workspaceId;
        End = DateTime.SpecifyKind(end, DateTimeKind.Utc);
        Days = days;
        Start = End.AddTicks(-1).Date.AddDays(1 - days);
        var archetypes = ArchetypeProfile.Assign(customers, new Random(seed));
        Customers = [.. archetypes.Select((archetype, i) => Plan(seed, i, archetype))];
    }

    /// <summary>Midnight (UTC) of the first simulated day.</summary>
    public DateTime Start { get; }

    /// <summary>No event is at or after this time.</summary>
    public DateTime End { get; }

    public int Days { get; }

    public IReadOnlyList<SyntheticCustomer> Customers { get; }

    /// <summary>The newsletter goes out weekly; the last one two days before the end so its opens are recent.</summary>
    public string? CampaignOn(int day) => (Days - 1 - day) % 7 == 2 ? $"weekly-{Start.AddDays(day):yyyy-MM-dd}" : null;

    /// <summary>All events in time order; each enumeration replays the same stream.</summary>
    public IEnumerable<Event> Events()
    {
        var shoppers = Customers.Select((c, i) => new Shopper(c, i, _workspaceId)).ToArray();
        var today = new List<PendingEvent>();
        for (var day = 0; day < Days; day++)
        {
            today.Clear();
            var midnight = Start.AddDays(day);
            var campaign = CampaignOn(day);
            foreach (var shopper in shoppers)
            {
                shopper.Simulate(day, midnight, campaign, today);
            }

            today.Sort(static (a, b) => (a.Ticks, a.Customer, a.Sequence).CompareTo((b.Ticks, b.Customer, b.Sequence)));
            foreach (var pending in today)
            {
                if (pending.Ticks >= End.Ticks)
                {
                    yield break;
                }

                yield return pending.Event;
            }
        }
    }

    private SyntheticCustomer Plan(int seed, int index, CustomerArchetype archetype)
    {
        var random = new Random(Mix(seed, index));
        var profile = ArchetypeProfile.Of(archetype);
        var firstDay = archetype == CustomerArchetype.NewVisitor
            ? Math.Max(0, Days - 1 - random.Next(7))
            : random.Next(Math.Max(1, (int)(Days * profile.FirstDayBefore)));
        var lastActive = Math.Max(firstDay, Days - 1 - (int)(Days * profile.QuietFraction));
        var categories = profile.Premium ? Catalog.PremiumCategories : Catalog.CategoryNames;
        var favorites = categories.OrderBy(_ => random.Next()).Take(2).ToArray();
        var id = $"c{index + 1:D5}";
        return new SyntheticCustomer(
            id,
            archetype,
            $"{id}@example.com",
            Countries[random.Next(Countries.Length)],
            random.NextDouble() < 0.75,
            Start.AddDays(firstDay),
            firstDay,
            lastActive,
            favorites,
            random.Next());
    }

    /// <summary>SplitMix64 of (seed, index): unrelated streams for neighbouring customers and seeds.</summary>
    private static int Mix(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}
