namespace ActorSegments.Domain.Schema;

/// <summary>The types a trait, an event property or a rule expression can have.</summary>
public enum DataType : byte
{
    String = 1,
    Number = 2,
    Bool = 3,
    Timestamp = 4,
    StringList = 5,
    Duration = 6,
}
