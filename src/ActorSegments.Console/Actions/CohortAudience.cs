using System.Globalization;
using System.Text.RegularExpressions;
using ActorSegments.Domain.Experiments;
using ActorSegments.Grains.Experiments;
using ActorSegments.Grains.Modeling.Cohorts;
using ActorSegments.Grains.Segments;

namespace ActorSegments.WebConsole.Actions;

/// <summary>
/// A cohort put to use in one click: a draft campaign test with the cohort as its audience, or a segment of its own.
/// Both go through the same services the API calls (<see cref="ExperimentDefinitions"/>, <see cref="SegmentDefinitions"/>),
/// so they are checked exactly as an API call would be.
/// </summary>
public sealed partial class CohortAudience(ExperimentDefinitions experiments, SegmentDefinitions segments, SegmentReader reader, TimeProvider clock)
{
    /// <summary>The messaged arm gets nine customers of ten; the holdout, never messaged, the tenth (docs/experiments.md).</summary>
    public static readonly IReadOnlyList<ExperimentArm> Arms = [new("treatment", 9), new("holdout", 1, Control: true)];

    /// <summary>Did the customer buy within 7 days of assignment: the primary metric of a campaign test made in one click.</summary>
    public static readonly ExperimentMetric Purchase = new("purchase_7d", MetricKind.Conversion, "purchase", null, null, 7);

    /// <summary>Creates a draft campaign test of <paramref name="audience"/>; its id is made from <paramref name="basis"/> and the time.</summary>
    public Task<ExperimentChangeResult> CreateExperimentAsync(string workspaceId, string basis, string name, string audience, CancellationToken cancellationToken)
    {
        var id = ExperimentId(basis, clock.GetUtcNow());
        var definition = new ExperimentDefinition(id, name, "email", AssignmentMode.Randomized, audience, Arms, [Purchase], id);
        return experiments.CreateAsync(workspaceId, definition, cancellationToken);
    }

    /// <summary>Copies a cohort as a segment named after it (<c>cohort-3-copy</c>, <c>-copy-2</c>, ...): it keeps the cohort's members until the next refresh moves them.</summary>
    public async Task<SegmentSaveResult> CopyAsSegmentAsync(string workspaceId, CohortView cohort, CancellationToken cancellationToken)
    {
        var id = $"{cohort.Id}-copy";
        for (var n = 2; await reader.FindAsync(workspaceId, id) is not null; n++)
        {
            id = $"{cohort.Id}-copy-{n}";
        }

        return await segments.SaveAsync(workspaceId, id, cohort.Rule, 0, cancellationToken);
    }

    /// <summary>An experiment id (lower-case letters, digits, '_') from any text, unique to the second.</summary>
    public static string ExperimentId(string basis, DateTimeOffset now)
    {
        var stem = NotAllowed().Replace(basis.ToLowerInvariant(), "_").Trim('_');
        stem = stem.Length == 0 || !char.IsAsciiLetterLower(stem[0]) ? "c_" + stem : stem;
        var suffix = now.UtcDateTime.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        return $"{stem[..Math.Min(stem.Length, ExperimentNames.MaxExperimentIdLength - suffix.Length - 1)]}_{suffix}";
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotAllowed();
}
