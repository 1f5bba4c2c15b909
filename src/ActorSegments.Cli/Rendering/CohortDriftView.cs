using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>How a run's cohorts drifted from the previous successful run's: one row per cohort, then the retired ones.</summary>
internal static class CohortDriftView
{
    /// <summary>Per-feature movements shown: the largest.</summary>
    private const int FeaturesShown = 2;

    /// <summary>Smaller movements print as 0.00: not worth naming a feature for.</summary>
    private const double ShownFrom = 0.005;

    public static void Write(IAnsiConsole console, CohortRun run)
    {
        if (run.PreviousRunId == 0 || run.Cohorts.All(c => c.Drift is null))
        {
            return;
        }

        console.MarkupLine(Markup.Escape($"drift against run {run.PreviousRunId} (movement in standard deviations; the meaning is kept up to 0.25 of the typical spacing and from half the members kept):"));
        var table = new Table().AddColumns("cohort", "moved", "of spacing", "most moved", "size", "share", "kept", "from before", "meaning");
        foreach (var cohort in run.Cohorts.Where(c => c.Drift is not null))
        {
            var drift = cohort.Drift;
            table.AddRow([.. (drift.Matched ? Matched(cohort.CohortId, drift) : New(cohort.CohortId, cohort.Size)).Select(Markup.Escape)]);
        }

        console.Write(table);
        foreach (var cohort in run.Cohorts.Where(c => c.Drift is { ReleasedName.Length: > 0 }))
        {
            console.MarkupLine(Markup.Escape($"{cohort.CohortId}: pinned name '{cohort.Drift.ReleasedName}' released ({cohort.Drift.ReleaseReason}); now '{cohort.Name}' ({cohort.LabelSource})"));
        }

        if (run.RetiredCohortIds.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"retired: {string.Join(", ", run.RetiredCohortIds)}"));
        }
    }

    /// <summary>The run list's summary: cohorts whose meaning changed, and pinned names released.</summary>
    public static string Summary(CohortRun run)
    {
        var drifts = run.Cohorts.Select(c => c.Drift).OfType<CohortDrift>().ToList();
        if (run.PreviousRunId == 0 || drifts.Count == 0)
        {
            return string.Empty;
        }

        var released = drifts.Count(d => d.ReleasedName.Length > 0);
        return $"vs {run.PreviousRunId}: {drifts.Count(d => d.MeaningChanged)} meaning changed, {drifts.Count(d => !d.Matched)} new, {run.RetiredCohortIds.Count} retired"
            + (released > 0 ? $", {released} name(s) released" : "");
    }

    private static string[] Matched(string id, CohortDrift drift) =>
    [
        id,
        drift.Movement.ToString("0.00", Formats.Culture),
        drift.RelativeMovement.ToString("0.00", Formats.Culture),
        string.Join(", ", drift.FeatureMovement.Where(f => Math.Abs(f.Value) >= ShownFrom).OrderByDescending(f => Math.Abs(f.Value)).ThenBy(f => f.Key, StringComparer.Ordinal).Take(FeaturesShown)
            .Select(f => $"{f.Key} {f.Value.ToString("+0.00;-0.00;0.00", Formats.Culture)}")),
        $"{Formats.Count(drift.PreviousSize)} -> {Formats.Count(drift.PreviousSize + drift.SizeChange)}",
        $"{StatisticFormats.Percent(drift.PreviousShare, 1)} -> {StatisticFormats.Percent(drift.PreviousShare + drift.ShareChange, 1)}",
        drift.PreviousMembers == 0 ? "" : StatisticFormats.Percent(drift.KeptShare, 1),
        drift.PreviousMembers == 0 ? "" : StatisticFormats.Percent(drift.FromPreviousShare, 1),
        drift.MeaningChanged ? "changed: " + drift.Reason : "kept",
    ];

    private static string[] New(string id, long size) => [id, "", "", "", $"new: {Formats.Count(size)}", "", "", "", "new cohort"];
}
