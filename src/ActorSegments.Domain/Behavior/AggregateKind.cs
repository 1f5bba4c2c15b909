namespace ActorSegments.Domain.Behavior;

/// <summary>How the numeric property values of a set of events are combined.</summary>
public enum AggregateKind : byte
{
    Count = 0,
    Sum = 1,
    Avg = 2,
    Min = 3,
    Max = 4,
}
