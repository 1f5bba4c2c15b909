using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

[RegisterConverter]
public sealed class PropertyValueConverter : IConverter<PropertyValue, PropertyValueSurrogate>
{
    public PropertyValue ConvertFromSurrogate(in PropertyValueSurrogate surrogate) => (PropertyKind)surrogate.Kind switch
    {
        PropertyKind.String => PropertyValue.Of(surrogate.Text ?? string.Empty),
        PropertyKind.Number => PropertyValue.Of(surrogate.Number),
        PropertyKind.Bool => PropertyValue.Of(surrogate.Number != 0),
        var other => throw new InvalidDataException($"Unknown property kind {other}."),
    };

    public PropertyValueSurrogate ConvertToSurrogate(in PropertyValue value) =>
        new() { Kind = (byte)value.Kind, Text = value.Text, Number = value.Number };
}
