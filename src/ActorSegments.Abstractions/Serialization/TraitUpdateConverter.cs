using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

[RegisterConverter]
public sealed class TraitUpdateConverter : IConverter<TraitUpdate, TraitUpdateSurrogate>
{
    public TraitUpdate ConvertFromSurrogate(in TraitUpdateSurrogate surrogate)
    {
        var (names, values) = (surrogate.Names ?? [], surrogate.Values ?? []);
        if (names.Length != values.Length)
        {
            throw new InvalidDataException($"A trait update has {names.Length} names and {values.Length} values.");
        }

        return new TraitUpdate(surrogate.EventId, surrogate.OccurredAt, names.Select((name, i) => new KeyValuePair<string, TraitValue?>(name, values[i].ToValue())));
    }

    public TraitUpdateSurrogate ConvertToSurrogate(in TraitUpdate value) => new()
    {
        EventId = value.EventId,
        OccurredAt = value.OccurredAt,
        Names = [.. value.Traits.Select(t => t.Key)],
        Values = [.. value.Traits.Select(t => TraitValueSurrogate.From(t.Value))],
    };
}
