using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

[RegisterConverter]
public sealed class CustomerEventConverter : IConverter<CustomerEvent, CustomerEventSurrogate>
{
    public CustomerEvent ConvertFromSurrogate(in CustomerEventSurrogate surrogate) => new(
        surrogate.EventId,
        surrogate.Type,
        surrogate.OccurredAt,
        surrogate.Properties is { Count: > 0 } properties ? properties : CustomerEvent.NoProperties);

    public CustomerEventSurrogate ConvertToSurrogate(in CustomerEvent value) => new()
    {
        EventId = value.EventId,
        Type = value.Type,
        OccurredAt = value.OccurredAt,
        Properties = value.Properties.Count == 0
            ? null
            : value.Properties as Dictionary<string, PropertyValue> ?? new Dictionary<string, PropertyValue>(value.Properties),
    };
}
