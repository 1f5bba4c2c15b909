namespace ActorSegments.Domain.Events;

/// <summary>
/// The kinds of journal record. The numbers are stored (the journal codec's kind tag, the journal table's
/// <c>kind</c> column): never renumber one.
/// </summary>
public enum JournalRecordKind : byte
{
    /// <summary>Something the customer did, sent by a client (<see cref="CustomerEvent"/>).</summary>
    Behavior = 0,

    /// <summary>Traits set or removed by an identify call (<see cref="TraitUpdate"/>).</summary>
    TraitUpdate = 1,

    /// <summary>What a model computed for the customer (<see cref="ModelOutput"/>).</summary>
    ModelOutput = 2,

    /// <summary>The arm of an experiment the customer was assigned to (<see cref="ExperimentAssignment"/>).</summary>
    ExperimentAssignment = 3,

    /// <summary>Two ids of the workspace were linked into one customer (<see cref="AliasLink"/>).</summary>
    AliasLink = 4,
}
