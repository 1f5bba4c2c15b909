using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// The shapes of experiment ids, arm and metric names, and the ids of the segments an experiment exposes:
/// <c>exp-{experiment}</c>, the customers eligible for it (its audience), and <c>exp-{experiment}-{arm}</c>, the
/// customers of an arm to message (for a strategy arm, those matching its targeting; for the control, its members,
/// who are never messaged). Names fit the segment id limit of 64 characters with room to spare.
/// </summary>
public static class ExperimentNames
{
    public const int MaxExperimentIdLength = 32;
    public const int MaxArmNameLength = 24;
    public const int MaxMetricNameLength = 40;
    public const string SegmentPrefix = "exp-";

    /// <summary>
    /// The workspace-wide holdout: an experiment of this id is assigned before any other, and the customers of its
    /// control arm are never assigned to another experiment (never messaged by any campaign), so the long-run effect of
    /// all campaigns together can be measured against them.
    /// </summary>
    public const string GlobalHoldout = "global_holdout";

    public static string EligibleSegment(string experimentId) => SegmentPrefix + experimentId;

    public static string ArmSegment(string experimentId, string arm) => $"{SegmentPrefix}{experimentId}-{arm}";

    /// <summary>Whether a segment id is one an experiment manages (marketers cannot define or delete such segments).</summary>
    public static bool IsExperimentSegment(string segmentId) => segmentId.StartsWith(SegmentPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Experiment ids, arm and metric names: a lower-case letter, then lower-case letters, digits or '_' (the shape
    /// <c>experiment("id")</c> reads in rules, whose own limit is longer).
    /// </summary>
    public static string? CheckName(string? value, int maxLength) =>
        Identifiers.SnakeCaseProblem(value, maxLength, "a lower-case letter, then lower-case letters, digits or '_'");
}
