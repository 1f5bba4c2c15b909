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

        var mapped = EventMapping.Map(proto, Now, EventLimits.Default, violations);

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

        var mapped = EventMapping.Map(proto, Now, EventLimits.Default, violations);

        Assert.Null(mapped);
        Assert.Equal("occurred_at", Assert.Single(violations).Field);
    }

    [Fact]
    public void Map_MissingEvent_IsAViolationOfTheEventItself()
    {
        var violations = new List<FieldViolation>();

        Assert.Null(EventMapping.Map(null, Now, EventLimits.Default, violations));
        Assert.Equal(new FieldViolation(string.Empty, "is required"), Assert.Single(violations));
    }

    [Theory]
    [InlineData(7, "occurred_at", "events", "events[7].occurred_at")]
    [InlineData(3, "properties[\"a]b\"]", "events", "events[3].properties[\"a]b\"]")]
    [InlineData(3, "", "events", "events[3]")]
    [InlineData(-1, "type", "event", "event.type")]
    [InlineData(-1, "", "event", "event")]
    public void EventViolation_IsLocatedByItsListAndIndex_AndRejectedWithItsOwnField(int index, string field, string list, string located)
    {
        var violation = new EventViolation(index, new FieldViolation(field, "what was expected"));

        Assert.Equal(new FieldViolation(located, "what was expected"), violation.Located(list));
        Assert.Equal((index, field, "what was expected"), (violation.ToRejection().Index, violation.ToRejection().Field, violation.ToRejection().Description));
    }

    [Fact]
    public void Map_NoProperties_SharesTheEmptyMap()
    {
        var mapped = EventMapping.Map(Events.Make("c1", occurredAt: Now), Now, EventLimits.Default, []);

        Assert.Same(CustomerEvent.NoProperties, mapped!.Event.Properties);
    }
}
