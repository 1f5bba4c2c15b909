using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// The outcome of changing an experiment: the stored experiment, or why nothing changed (field violations with their
/// paths, or a refusal of a kind the API maps to a status).
/// </summary>
public sealed record ExperimentChangeResult(StoredExperiment? Experiment, IReadOnlyList<FieldViolation> Violations, ExperimentRefusal Refusal, string? Problem)
{
    public bool Succeeded => Refusal == ExperimentRefusal.None;

    public static ExperimentChangeResult Saved(StoredExperiment experiment) => new(experiment, [], ExperimentRefusal.None, null);

    public static ExperimentChangeResult Invalid(IReadOnlyList<FieldViolation> violations) =>
        new(null, violations, ExperimentRefusal.Invalid, string.Join("; ", violations.Select(v => v.ToString())));

    public static ExperimentChangeResult Refused(ExperimentRefusal refusal, string problem) => new(null, [], refusal, problem);
}

/// <summary>Why an experiment change was refused.</summary>
public enum ExperimentRefusal
{
    None,

    /// <summary>The definition has problems (<see cref="ExperimentChangeResult.Violations"/>).</summary>
    Invalid,

    NotFound,

    AlreadyExists,

    /// <summary>The experiment changed since the version the caller read.</summary>
    VersionConflict,

    /// <summary>Not possible in the experiment's status (starting a stopped one, redesigning a running one).</summary>
    WrongStatus,

    /// <summary>A segment the experiment would manage exists already as a segment of its own.</summary>
    SegmentConflict,
}
