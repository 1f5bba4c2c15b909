using ActorSegments.Domain.Events;
using ActorSegments.Domain.Validation;
using ActorSegments.Server.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests;

public sealed class EventMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_ScalarProperties_BecomeTypedDomainValues()
    {
        var proto = Events.Make("c1", occurredAt: Now.AddMinutes(-1));
        proto.Properties["category"] = Value.ForString("Smartphones");
        proto.Properties["revenue"] = Value.ForNumber(129.9);
        proto.Properties["gift"] = Value.ForBool(true);
        var violations = new List<FieldViolation>();

        var mapped = EventMapping.Map(proto, ("event", -1), Now, EventLimits.Default, violations);

        Assert.Empty(violations);
        Assert.NotNull(mapped);
        Assert.Equal(("acme", "c1"), (mapped.WorkspaceId, mapped.CustomerId));
        Assert.Equal(PropertyValue.Of("Smartphones"), mapped.Event.Properties["category"]);
        Assert.Equal(PropertyValue.Of(129.9), mapped.Event.Properties["revenue"]);
        Assert.Equal(PropertyValue.Of(true), mapped.Event.Properties["gift"]);
        Assert.Equal(Now.AddMinutes(-1), mapped.Event.OccurredAt);
    }

    [Fact]
    public void Map_InvalidTimestamp_IsAViolationNotAnException()
    {
        var proto = Events.Make("c1");
        proto.OccurredAt = new Timestamp { Seconds = long.MaxValue };
        var violations = new List<FieldViolation>();

        var mapped = EventMapping.Map(proto, ("events", 7), Now, EventLimits.Default, violations);

        Assert.Null(mapped);
        Assert.Equal("events[7].occurred_at", Assert.Single(violations).Field);
    }

    [Fact]
    public void Map_NoProperties_SharesTheEmptyMap()
    {
        var mapped = EventMapping.Map(Events.Make("c1", occurredAt: Now), ("event", -1), Now, EventLimits.Default, []);

        Assert.Same(CustomerEvent.NoProperties, mapped!.Event.Properties);
    }
}
