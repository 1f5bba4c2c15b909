namespace ActorSegments.Domain.Activity;

/// <summary>What applying one event did to a customer's state.</summary>
public enum ApplyOutcome : byte
{
    /// <summary>The event was new and changed the state.</summary>
    Applied = 1,

    /// <summary>An event with the same id was applied before (a client retry); the state is unchanged.</summary>
    Duplicate = 2,
}
