using ActorSegments.Domain.Experiments;

namespace ActorSegments.Grains.Experiments;

/// <summary>
/// The segments an experiment manages: <c>exp-{id}</c>, its audience (randomized experiments: entering it assigns a
/// customer), and per arm <c>exp-{id}-{arm}</c>, the arm's customers to message (for a strategy arm, those of the
/// arm its targeting matches; the control's members are never messaged and are listed for completeness). ESP sync
/// jobs read them with the members and change-feed APIs, like any segment.
/// </summary>
public static class ExperimentSegments
{
    public static IReadOnlyList<(string SegmentId, string Rule)> For(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // The arms first: they are empty until customers are assigned, and the audience, created last, is what assigns
        // them, so every customer enters its arm's segment with its assignment (and the feed says so).
        var segments = new List<(string, string)>();
        foreach (var arm in definition.Arms)
        {
            var inArm = $"experiment(\"{definition.Id}\") = \"{arm.Name}\"";
            var rule = string.IsNullOrWhiteSpace(arm.Targeting) ? inArm : $"{inArm} and ({arm.Targeting})";
            segments.Add((ExperimentNames.ArmSegment(definition.Id, arm.Name), rule));
        }

        if (definition.Mode == AssignmentMode.Randomized && definition.Audience is { } audience)
        {
            segments.Add((ExperimentNames.EligibleSegment(definition.Id), audience));
        }

        return segments;
    }

    /// <summary>The experiment a managed segment id belongs to, or null when the id is not of that shape.</summary>
    public static string? ExperimentOf(string segmentId)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        if (!ExperimentNames.IsExperimentSegment(segmentId))
        {
            return null;
        }

        var rest = segmentId[ExperimentNames.SegmentPrefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        var id = dash < 0 ? rest : rest[..dash];
        return ExperimentNames.CheckName(id, ExperimentNames.MaxExperimentIdLength) is null ? id : null;
    }
}
