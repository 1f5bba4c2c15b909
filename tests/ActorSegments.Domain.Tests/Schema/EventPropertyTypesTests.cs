using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Tests.Schema;

public sealed class EventPropertyTypesTests
{
    private static List<FieldViolation> Check(string type, params (string Name, PropertyValue Value)[] properties)
    {
        var evt = new CustomerEvent("e-1", type, DateTimeOffset.UnixEpoch, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
        var violations = new List<FieldViolation>();
        EventPropertyTypes.Check(WorkspaceSchema.Commerce, evt, violations);
        return violations;
    }

    [Fact]
    public void Check_DeclaredNumberSentAsText_NamesThePropertyAndTheExpectedType()
    {
        var violation = Assert.Single(Check("purchase", ("revenue", PropertyValue.Of("abc")), ("items", PropertyValue.Of(2))));

        Assert.Equal("properties[\"revenue\"]", violation.Field);
        Assert.Equal("expected a number (the workspace schema declares purchase.revenue as number), got a string", violation.Description);
    }

    [Fact]
    public void Check_EveryMismatch_IsReported()
    {
        var fields = Check("cart_added", ("price", PropertyValue.Of(true)), ("category", PropertyValue.Of(3)), ("quantity", PropertyValue.Of(1))).Select(v => v.Field);

        Assert.Equal(["properties[\"category\"]", "properties[\"price\"]"], fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_MatchingTypesUndeclaredPropertiesAndUndeclaredEventTypes_Accepted()
    {
        Assert.Empty(Check("purchase", ("revenue", PropertyValue.Of(12.5)), ("category", PropertyValue.Of("Audio")), ("coupon", PropertyValue.Of(true))));
        Assert.Empty(Check("webinar_attended", ("revenue", PropertyValue.Of("free"))));
    }
}
