using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Tests.Activity;

public sealed class CustomerActivityCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deserialize_SerializedActivity_RestoresCountsTimesAndRecentIds()
    {
        var activity = new CustomerActivity();
        activity.Apply(new CustomerEvent("e1", "product_viewed", T0, CustomerEvent.NoProperties));
        activity.Apply(new CustomerEvent("e2", "purchase", T0.AddTicks(1), CustomerEvent.NoProperties));

        var restored = CustomerActivityCodec.Deserialize(CustomerActivityCodec.Serialize(activity));

        Assert.Equal(activity.TotalEvents, restored.TotalEvents);
        Assert.Equal(activity.EventTypes.OrderBy(p => p.Key), restored.EventTypes.OrderBy(p => p.Key));
        Assert.Equal(activity.RecentIds.Hashes, restored.RecentIds.Hashes);
        Assert.Equal(ApplyOutcome.Duplicate, restored.Apply(new CustomerEvent("e2", "purchase", T0, CustomerEvent.NoProperties)));
    }

    [Fact]
    public void Deserialize_Empty_GivesEmptyActivity()
    {
        var restored = CustomerActivityCodec.Deserialize([]);

        Assert.True(restored.IsEmpty);
    }

    [Fact]
    public void Deserialize_UnknownFormatVersion_FailsWithTheVersionInTheMessage()
    {
        var ex = Assert.Throws<InvalidDataException>(() => CustomerActivityCodec.Deserialize([99, 0, 0]));

        Assert.Contains("format version 99", ex.Message, StringComparison.Ordinal);
    }
}
