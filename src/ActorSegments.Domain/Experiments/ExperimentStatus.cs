namespace ActorSegments.Domain.Experiments;

/// <summary>Where an experiment stands. The numbers are stored; never renumber one.</summary>
public enum ExperimentStatus : byte
{
    /// <summary>Defined, not yet assigning anyone: everything can still be edited.</summary>
    Draft = 1,

    /// <summary>Assigning customers and measuring; only the name and channel can change (the design is fixed).</summary>
    Running = 2,

    /// <summary>No longer assigning or measuring; its results and assignments stay readable.</summary>
    Stopped = 3,
}
