using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Behavior;

public sealed class PurchaseHistoryTests
{
    private const long Day = 86_400;

    [Fact]
    public void AddPurchase_InAnyOrder_KeepsTheLatestInTimeOrder_AndNoMoreThanTheCapacity()
    {
        var history = new PurchaseHistory();
        var times = Enumerable.Range(0, PurchaseHistory.Capacity + 10).Select(i => 1_000_000 + (i * Day)).ToArray();
        foreach (var time in times.OrderBy(t => (t * 7919) % 101))
        {
            history.AddPurchase(time, 1);
        }

        Assert.Equal(PurchaseHistory.Capacity, history.Count);
        Assert.Equal(times.TakeLast(PurchaseHistory.Capacity), history.Items.ToArray().Select(p => p.Time));
    }

    [Fact]
    public void AddLine_CountsTowardsThePurchaseAtThatSecond_AndNowhereElse()
    {
        var history = new PurchaseHistory();
        history.AddPurchase(100, 10);
        history.AddPurchase(200, 20);

        history.AddLine(100);
        history.AddLine(150);
        history.AddLine(200);
        history.AddLine(200);

        Assert.Equal([1, 2], history.Items.ToArray().Select(p => p.Lines));
    }

    [Fact]
    public void ASnapshotWrittenBeforeTheHistoryExisted_LoadsAndItsPurchasesComeFromTheTimeBuckets()
    {
        var model = BehaviorModel.Default;
        var now = UnixTime.Seconds(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var state = new CustomerState();
        foreach (var days in new[] { 80, 50, 30, 10 })
        {
            state.Apply(Purchase(now - (days * Day), 100), model, now - (days * Day));
        }

        var live = CustomerFeatures.Extract(state, model, now);
        // The snapshot a release before the history wrote: the same state without it, as version 2.
        state.RestorePurchases([]);
        var old = CustomerStateCodec.Serialize(state, TimeTiers.Default);

        var restored = CustomerStateCodec.Deserialize(old, TimeTiers.Default);
        var features = CustomerFeatures.Extract(restored, model, now);

        Assert.Equal(2, old[0]);
        Assert.Equal(0, restored.Purchases.Count);
        // The buckets of purchases 10 to 80 days old are hours and days wide: the gaps come out to within a day.
        foreach (var name in new[] { "purchase_gap_mean_days", "purchase_gap_last_days", "purchase_overdue", "spend_90d" })
        {
            var index = CustomerFeatures.IndexOf(name);
            Assert.InRange(features[index], live[index] - 1, live[index] + 1);
        }

        Assert.Equal(live[..CustomerFeatures.TabularCount], features[..CustomerFeatures.TabularCount]);
        Assert.Equal(70 / 3f, live[CustomerFeatures.IndexOf("purchase_gap_mean_days")], 3);
    }

    private static CustomerEvent Purchase(long at, double revenue) =>
        new($"p{at}", "purchase", UnixTime.ToDateTimeOffset(at), new Dictionary<string, PropertyValue>(StringComparer.Ordinal) { ["revenue"] = PropertyValue.Of(revenue) });
}
