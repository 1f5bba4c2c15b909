using ActorSegments.Domain.Events;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using ProtoEvent = ActorSegments.Protos.V1.Event;

namespace ActorSegments.MlCheck;

/// <summary>
/// Wire events as the server would store them: the same fields and scalar properties (the server's own mapping is
/// internal to it and also validates, which events the retail generator made need not go through here).
/// </summary>
internal static class WireEvents
{
    public static CustomerEvent ToDomain(ProtoEvent wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        return new CustomerEvent(wire.EventId, wire.Type, wire.OccurredAt.ToDateTimeOffset(), Properties(wire.Properties));
    }

    private static Dictionary<string, PropertyValue> Properties(MapField<string, Value> properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value.KindCase switch
        {
            Value.KindOneofCase.StringValue => PropertyValue.Of(p.Value.StringValue),
            Value.KindOneofCase.NumberValue => PropertyValue.Of(p.Value.NumberValue),
            Value.KindOneofCase.BoolValue => PropertyValue.Of(p.Value.BoolValue),
            _ => throw new InvalidDataException($"Property '{p.Key}' is not a scalar ({p.Value.KindCase})."),
        }, StringComparer.Ordinal);
}
