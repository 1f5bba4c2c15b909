namespace ActorSegments.Domain.Events;

/// <summary>The type of a scalar event property value.</summary>
public enum PropertyKind : byte
{
    String = 1,
    Number = 2,
    Bool = 3,
}
