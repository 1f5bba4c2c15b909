using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Grains.Segments;

namespace ActorSegments.Grains.Modeling.Cohorts;

/// <summary>
/// The current AI cohorts of a workspace as the API and the console show them (user labels applied, live member
/// counts), and renaming or pinning one. Renames are stored in the workspace's cohort settings and outlive the next
/// refresh only when pinned, and then only while the cohort keeps its meaning (see <see cref="CohortNaming"/>).
/// </summary>
public sealed class CohortCatalog(ICohortStore store, IGrainFactory grains)
{
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 300;

    /// <summary>The latest succeeded run and its cohorts, or null before any run succeeded.</summary>
    public async Task<(CohortRun Run, IReadOnlyList<CohortView> Cohorts)?> CurrentAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        if (await store.LatestSucceededAsync(workspaceId, cancellationToken) is not { } run)
        {
            return null;
        }

        var settings = await store.GetSettingsAsync(workspaceId, cancellationToken);
        var cohorts = new List<CohortView>();
        foreach (var cohort in run.Cohorts)
        {
            cohorts.Add(View(cohort, run.Features, settings, await MembersAsync(workspaceId, cohort.Id)));
        }

        return (run, cohorts);
    }

    /// <summary>Gives a cohort of the latest run a name, a description (blank: the generated one) and a pin.</summary>
    public async Task<CohortRename> RenameAsync(string workspaceId, string cohortId, string name, string? description, bool pinned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("cohort_id", Identifiers.CheckSegmentId(cohortId, SegmentDefinitions.MaxSegmentIdLength));
        violations.AddIfProblem("name", CheckText(name, 1, MaxNameLength));
        violations.AddIfProblem("description", CheckText(description ?? string.Empty, 0, MaxDescriptionLength));
        if (violations.Count > 0)
        {
            return new CohortRename(null, violations, null);
        }

        var run = await store.LatestSucceededAsync(workspaceId, cancellationToken);
        if (run?.Cohorts.FirstOrDefault(c => c.Id == cohortId) is not { } cohort)
        {
            return new CohortRename(null, [], $"Cohort '{cohortId}' is not among the current cohorts of workspace '{workspaceId}'.");
        }

        var settings = await store.GetSettingsAsync(workspaceId, cancellationToken);
        var labels = new Dictionary<string, CohortLabelOverride>(settings.Labels, StringComparer.Ordinal)
        {
            // Anchored where the cohort is now: a pinned name lasts while the cohort stays close to it (CohortMeaning).
            [cohortId] = new(name.Trim(), string.IsNullOrWhiteSpace(description) ? null : description.Trim(), pinned, cohort.Centroid),
        };
        settings = settings with { Labels = labels };
        await store.SaveSettingsAsync(workspaceId, settings, cancellationToken);
        return new CohortRename(View(cohort, run.Features, settings, await MembersAsync(workspaceId, cohortId)), [], null);
    }

    /// <summary>A cohort with a user's name applied over the generated one.</summary>
    public static CohortView View(CohortDescription cohort, IReadOnlyList<string> features, CohortSettings settings, long members)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(settings);
        var label = settings.Labels.GetValueOrDefault(cohort.Id);
        var centroid = features.Take(cohort.Centroid.Length).Select((f, i) => KeyValuePair.Create(f, cohort.Centroid[i])).ToList();
        return new CohortView(
            cohort.Id,
            label?.Name ?? cohort.Name,
            string.IsNullOrEmpty(label?.Description) ? cohort.Description : label.Description,
            label is null ? cohort.LabelSource : CohortNaming.UserSource,
            label?.Pinned ?? false,
            cohort.Size,
            members,
            centroid,
            cohort.Drift);
    }

    private async Task<long> MembersAsync(string workspaceId, string cohortId) =>
        (await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspaceId, cohortId)).GetStatsAsync())?.Members ?? 0;

    private static string? CheckText(string text, int min, int max) =>
        text.Trim().Length < min ? "must not be empty"
        : text.Length > max ? $"must be at most {max} characters (got {text.Length})"
        : text.Any(char.IsControl) ? "must not contain control characters"
        : null;
}
