using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;
using ActorSegments.Workload;

namespace ActorSegments.Benchmarks;

/// <summary>
/// Managed heap an active customer holds in the domain, with the workload's 50 segments and an "everyone" segment
/// live (the million scenario's 51): each customer takes the path of a customer grain's first call — every segment
/// evaluated, then 5 workload events recorded and the segments they affect re-evaluated — and a profile read. Only the
/// domain objects a grain keeps (state, event id index, memberships, and the two scratch lists it keeps between calls)
/// are counted; Orleans' activation and the grain object itself are not. Parts are measured alone, then together.
/// </summary>
internal static class CustomerHeapReport
{
    private const int EventsEach = 5;
    private const int Customers = 20_000;

    private static readonly long Start = UnixTime.Seconds(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public static void Print()
    {
        var model = BehaviorModel.Default;
        var set = SegmentSet.Compile([.. SampleSegments.All, new SegmentDefinition("everyone", "customer.events >= 1")], model);
        var events = Enumerable.Range(0, Customers).Select(c => Events(c)).ToArray();

        // Once before measuring, so that what is shared by every customer (pooled strings, the model's caches) is in
        // place and not counted.
        Build(set, model, events[0]);

        Console.WriteLine($"| part ({Customers:N0} customers, {EventsEach} workload events each, {set.Segments.Count} segments) | heap bytes per customer |");
        Console.WriteLine("|---|---|");
        Row("whole (state, event ids, memberships, scratch lists, a 56-byte holder)", c => Build(set, model, events[c]));
        Row("behavioral state", c => Build(set, model, events[c]).State);
        Row("event id index", c => Build(set, model, events[c]).EventIds);
        Row("memberships", c => Build(set, model, events[c]).Memberships);
        Row("membership changes list", c => Build(set, model, events[c]).Changes);
        Row("applied changes list", c => Build(set, model, events[c]).Applied);
    }

    /// <summary>A grain-like customer after its first call of <paramref name="events"/> and a profile read.</summary>
    private static (CustomerState State, EventIdIndex EventIds, Memberships Memberships, List<MembershipChange> Changes, List<ChangeSet> Applied) Build(SegmentSet set, BehaviorModel model, CustomerEvent[] events)
    {
        var state = new CustomerState();
        var ids = new EventIdIndex();
        var memberships = new Memberships();
        var changes = new List<MembershipChange>();
        var applied = new List<ChangeSet>();
        var now = Start;
        memberships.ApplyAll(set, state, model, now, MembershipCause.Event, changes);
        for (var i = 0; i < events.Length; i++)
        {
            ids.Add(events[i].EventId, i + 1);
            applied.Clear();
            state.ApplyRecorded(events[i], model, now, applied);
            foreach (var change in applied)
            {
                memberships.Apply(set, state, model, change, now, MembershipCause.Event, changes);
            }
        }

        // What a profile read leaves cached.
        _ = state.Products.Top(5);
        _ = state.Categories.Top(5);
        _ = memberships.Members;
        return (state, ids, memberships, changes, applied);
    }

    /// <summary>Customer <paramref name="customer"/>'s events, drawn as the cluster benchmark's workload calls draw them.</summary>
    private static CustomerEvent[] Events(int customer)
    {
        var random = new Random(customer * 7919);
        var events = new CustomerEvent[EventsEach];
        for (var k = 0; k < EventsEach; k++)
        {
            var (type, properties) = WorkloadMix.Draw(random);
            var values = properties.ToDictionary(p => p.Key, p => p.Value is string text ? PropertyValue.Of(text) : PropertyValue.Of((double)p.Value), StringComparer.Ordinal);
            events[k] = new CustomerEvent($"0-{k}", type, UnixTime.ToDateTimeOffset(Start - 3600 + k), values);
        }

        return events;
    }

    private static void Row(string part, Func<int, object> build)
    {
        var kept = new object[Customers];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var c = 0; c < Customers; c++)
        {
            kept[c] = build(c);
        }

        // Less the array slot; the whole row also counts its boxed tuple (56 bytes), about what the grain's own
        // fields for these parts cost.
        var bytes = ((GC.GetTotalMemory(forceFullCollection: true) - before) / (double)Customers) - 8;
        Console.WriteLine($"| {part} | {bytes:N0} |");
        GC.KeepAlive(kept);
    }
}
