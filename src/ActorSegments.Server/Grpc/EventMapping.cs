using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Validation;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using ProtoEvent = ActorSegments.Protos.V1.Event;

namespace ActorSegments.Server.Grpc;

/// <summary>Maps wire events to domain events, collecting every problem with the path of the field it concerns.</summary>
internal static class EventMapping
{
    /// <summary>
    /// Returns the mapped event, or null after adding violations named by the event's own fields (<c>type</c>,
    /// <c>properties["x"]</c>; an empty field for a missing event): where the event stands in the request is the
    /// caller's to say (<see cref="EventViolation"/>). With the workspace's <paramref name="schema"/>, property values
    /// must also have the types it declares.
    /// </summary>
    public static IncomingEvent? Map(ProtoEvent? proto, DateTimeOffset now, EventLimits limits, List<FieldViolation> violations, WorkspaceSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (proto is null)
        {
            violations.Add(new FieldViolation(string.Empty, "is required"));
            return null;
        }

        var before = violations.Count;
        var occurredAt = MapTimestamp(proto.OccurredAt, violations);
        var properties = MapProperties(proto.Properties, violations);
        var evt = new CustomerEvent(proto.EventId, proto.Type, occurredAt, properties);
        if (violations.Count == before)
        {
            EventValidator.Validate(proto.WorkspaceId, proto.CustomerId, evt, now, limits, violations);
        }

        if (violations.Count == before && schema is not null)
        {
            EventPropertyTypes.Check(schema, evt, violations);
        }

        return violations.Count == before ? new IncomingEvent(proto.WorkspaceId, proto.CustomerId, evt) : null;
    }

    private static DateTimeOffset MapTimestamp(Timestamp? timestamp, List<FieldViolation> violations)
    {
        if (timestamp is null)
        {
            return default; // reported as "is required" by the validator
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            violations.Add(new FieldViolation("occurred_at", $"is not a valid timestamp (seconds={timestamp.Seconds}, nanos={timestamp.Nanos})"));
            return default;
        }
    }

    private static IReadOnlyDictionary<string, PropertyValue> MapProperties(
        MapField<string, Value> properties,
        List<FieldViolation> violations)
    {
        if (properties.Count == 0)
        {
            return CustomerEvent.NoProperties;
        }

        var mapped = new Dictionary<string, PropertyValue>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            var problem = value.KindCase switch
            {
                Value.KindOneofCase.StringValue => Accept(mapped, name, PropertyValue.Of(value.StringValue)),
                Value.KindOneofCase.NumberValue => Accept(mapped, name, PropertyValue.Of(value.NumberValue)),
                Value.KindOneofCase.BoolValue => Accept(mapped, name, PropertyValue.Of(value.BoolValue)),
                Value.KindOneofCase.NullValue => "null is not accepted; omit the property instead",
                Value.KindOneofCase.StructValue or Value.KindOneofCase.ListValue =>
                    "objects and lists are not accepted; send scalar properties (string, number or boolean)",
                _ => "has no value",
            };
            if (problem is not null)
            {
                violations.Add(new FieldViolation($"properties[\"{name}\"]", problem));
            }
        }

        return mapped;
    }

    private static string? Accept(Dictionary<string, PropertyValue> mapped, string name, PropertyValue value)
    {
        mapped[name] = value;
        return null;
    }
}
