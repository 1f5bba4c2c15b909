using ActorSegments.Domain.Events;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Tests.Validation;

public sealed class EventValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static List<FieldViolation> Validate(
        CustomerEvent evt, string? workspace = "acme", string? customer = "c-1", EventLimits? limits = null)
    {
        var violations = new List<FieldViolation>();
        EventValidator.Validate(workspace, customer, evt, Now, limits ?? EventLimits.Default, violations);
        return violations;
    }

    private static CustomerEvent Valid(IReadOnlyDictionary<string, PropertyValue>? properties = null) =>
        new("e-1", "product_viewed", Now.AddMinutes(-1), properties ?? CustomerEvent.NoProperties);

    [Fact]
    public void Validate_WellFormedEvent_NoViolations() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void Validate_EveryFieldWrong_ReportsEachFieldOnce()
    {
        var evt = new CustomerEvent("", "Bad Type", default, CustomerEvent.NoProperties);

        var fields = Validate(evt, workspace: "", customer: null).Select(v => v.Field);

        Assert.Equal(["workspace_id", "customer_id", "event_id", "type", "occurred_at"], fields);
    }

    [Fact]
    public void Validate_OccurredAtBeyondClockSkew_IsRejectedWithTheSkewAllowed()
    {
        var violation = Assert.Single(Validate(Valid() with { OccurredAt = Now.AddMinutes(6) }));

        Assert.Equal("occurred_at", violation.Field);
        Assert.Contains("in the future", violation.Description, StringComparison.Ordinal);
        Assert.Contains("300s", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OccurredAtWithinClockSkew_IsAccepted() =>
        Assert.Empty(Validate(Valid() with { OccurredAt = Now.AddMinutes(4) }));

    [Fact]
    public void Validate_OccurredAtBeforeEarliest_IsRejected()
    {
        var violation = Assert.Single(Validate(Valid() with { OccurredAt = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero) }));

        Assert.Contains("earlier than 1990", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdsOverTheirLimits_NameTheLimit()
    {
        var evt = Valid() with { EventId = new string('e', 129) };

        var violations = Validate(evt, customer: new string('c', 257));

        Assert.Contains(violations, v => v is { Field: "customer_id", Description: "must be at most 256 characters (got 257)" });
        Assert.Contains(violations, v => v is { Field: "event_id", Description: "must be at most 128 characters (got 129)" });
    }

    [Fact]
    public void Validate_PropertyProblems_AreLocatedByPropertyName()
    {
        var properties = new Dictionary<string, PropertyValue>
        {
            ["ok"] = PropertyValue.Of("fine"),
            ["bad name"] = PropertyValue.Of(1),
            ["note"] = PropertyValue.Of(new string('x', 1025)),
            ["ratio"] = PropertyValue.Of(double.NaN),
        };

        var fields = Validate(Valid(properties)).Select(v => v.Field).Order(StringComparer.Ordinal);

        Assert.Equal(["properties[\"bad name\"]", "properties[\"note\"]", "properties[\"ratio\"]"], fields);
    }

    [Fact]
    public void Validate_TooManyProperties_OneViolationForTheMap()
    {
        var properties = Enumerable.Range(0, 3).ToDictionary(i => $"p{i}", i => PropertyValue.Of(i));

        var violation = Assert.Single(Validate(Valid(properties), limits: EventLimits.Default with { MaxProperties = 2 }));

        Assert.Equal("properties", violation.Field);
    }
}
