using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Abstractions.Serialization;

/// <summary>Wire form of a trait's new value in a <see cref="TraitUpdateSurrogate"/>: a type of 0 removes the trait.</summary>
[GenerateSerializer, Immutable, Alias("actorsegments.trait-value")]
public readonly struct TraitValueSurrogate
{
    public static TraitValueSurrogate Removed => default;

    [Id(0)] public byte Type { get; init; }

    [Id(1)] public string? Text { get; init; }

    [Id(2)] public double Number { get; init; }

    [Id(3)] public string[]? List { get; init; }

    public static TraitValueSurrogate From(TraitValue? value) => value is null
        ? Removed
        : new() { Type = (byte)value.Type, Text = value.Text, Number = value.Number, List = value.List?.ToArray() };

    public TraitValue? ToValue() => (DataType)Type switch
    {
        0 => null,
        DataType.String => TraitValue.Of(Text ?? string.Empty),
        DataType.Number => TraitValue.Of(Number),
        DataType.Bool => TraitValue.Of(Number != 0),
        DataType.Timestamp => TraitValue.OfTimestamp((long)Number),
        DataType.StringList => TraitValue.Of(List ?? []),
        var other => throw new InvalidDataException($"Unknown trait type {other}."),
    };
}
