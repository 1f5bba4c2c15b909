using System.Globalization;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// Cohort drift between two refreshes, as the service measures it: a refresh as of <see cref="CheckDates.Split"/>
/// (every customer with a purchase before it), then the reference one as of <see cref="CheckDates.Reference"/>, whose
/// cohorts take the first one's ids by <see cref="CentroidMatcher"/>. Customers are assigned as a refresh assigns
/// them: one with no event between the two dates has the same feature row and keeps its cohort (when it still
/// exists), the others go to the nearest centroid. Then <see cref="CohortDrifts"/> and, for a name pinned on each
/// cohort at the first refresh, <see cref="CohortMeaning"/>'s verdict.
/// </summary>
internal static class CohortDriftCheck
{
    public static async Task RunAsync(TextWriter output, RetailJournal journal, CohortFit reference, OurFigures figures)
    {
        var names = CustomerFeatures.DefaultCohortFeatures;
        var model = BehaviorModel.Default;
        var before = journal.Histories.AsParallel().AsOrdered()
            .Select(h => (h.CustomerId, Row: PointInTimeFeatures.Extract(h, CheckDates.Split, model), Changed: h.Entries.Any(e => e.AppliedAt >= CheckDates.Split)))
            .Where(c => c.Row is not null).ToList();
        var first = await CohortCheck.FitAsync([.. before.Select(c => c.Row!)]);
        var firstIds = CentroidMatcher.AssignIds([], [], names, CohortProfiles.RawCentroids(first.Profiles), first.Clustering.Scaler, 0);
        var firstRun = Run(1, names, firstIds, first, [.. first.Profiles.Select(p => p.Size)]);

        var centroids = CohortProfiles.RawCentroids(reference.Profiles);
        var ids = CentroidMatcher.AssignIds(names, firstRun.Cohorts, names, centroids, reference.Clustering.Scaler, firstIds.Count);
        var had = before.Select((c, i) => (c, i)).ToDictionary(x => x.c.CustomerId, x => (Cohort: firstIds[first.Assignments[x.i]], x.c.Changed), StringComparer.Ordinal);
        var index = ids.Select((id, c) => (id, c)).ToDictionary(p => p.id, p => p.c, StringComparer.Ordinal);
        var transitions = new CohortTransitions();
        var sizes = new long[ids.Count];
        var keptRows = 0;
        for (var i = 0; i < reference.Rows.Count; i++)
        {
            var customer = journal.Histories[i].CustomerId;
            var previous = had.GetValueOrDefault(customer);
            var keeps = previous.Cohort is not null && !previous.Changed && index.ContainsKey(previous.Cohort);
            var cohort = keeps ? previous.Cohort! : ids[reference.Assignments[i]];
            keptRows += keeps ? 1 : 0;
            sizes[index[cohort]]++;
            transitions.Add(previous.Cohort, cohort);
        }

        var drifts = CohortDrifts.Compute(firstRun, names, ids, centroids, sizes, reference.Clustering.Scaler, transitions);
        Write(output, names, firstRun, ids, reference, drifts, before.Count, keptRows);
        figures.Add("drift_k_first", first.Clustering.K);
        figures.Add("drift_meaning_changed", drifts.Count(d => d.MeaningChanged));
    }

    private static CohortRun Run(long runId, IReadOnlyList<string> features, IReadOnlyList<string> ids, CohortFit fit, long[] sizes) =>
        CohortRun.Start("ml-check", runId, "check", DateTimeOffset.UnixEpoch) with
        {
            Status = CohortRunStatus.Succeeded,
            Features = features,
            K = fit.Clustering.K,
            Cohorts = [.. ids.Select((id, c) => new CohortDescription(id, fit.Labels[c].Name, fit.Labels[c].Description, fit.Labels[c].Source, sizes[c], CohortProfiles.RawCentroids(fit.Profiles)[c]))],
            Customers = sizes.Sum(),
        };

    private static void Write(TextWriter output, IReadOnlyList<string> names, CohortRun first, IReadOnlyList<string> ids, CohortFit reference, CohortDrift[] drifts, int firstCustomers, int keptRows)
    {
        output.WriteLine("## Cohort drift");
        output.WriteLine();
        output.WriteLine($"First refresh as of {CsvExport.Date(CheckDates.Split)}: {firstCustomers:N0} customers, k = {first.K}. Second as of {CsvExport.Date(CheckDates.Reference)} (the cohorts above): {reference.Rows.Count:N0} customers, k = {reference.Clustering.K}; {keptRows:N0} customers with no event in between keep their cohort, the others go to the nearest centroid.");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["cohort", "first refresh", "customers", "share"],
            first.Cohorts.Select(c => new[] { c.Id, c.Name, $"{c.Size:N0}", Percent((double)c.Size / first.Customers) }));
        var varying = Enumerable.Range(0, names.Count).Where(j => reference.Clustering.Scaler.StandardDeviations[j] > 0).ToArray();
        MarkdownTable.Write(
            output,
            ["cohort", "second refresh", "moved (SD)", "of spacing", .. varying.Select(j => names[j]), "customers", "share", "kept of previous", "from previous", "meaning", "a pin from the first refresh"],
            ids.Select((id, c) => Row(id, reference.Labels[c].Name, drifts[c], varying, reference, c)));
        output.WriteLine($"Typical spacing of the second refresh's cohorts: {F(drifts[0].Spacing)} standard deviations; the meaning is kept up to {F(CohortMeaning.MovementLimit * drifts[0].Spacing)} ({CohortMeaning.MovementLimit:0.##} of it) and from {CohortMeaning.KeptLimit:0%} of the previous members kept. Retired: {string.Join(", ", CohortDrifts.Retired(first, ids).DefaultIfEmpty("none"))}.");
        output.WriteLine();
    }

    private static string[] Row(string id, string name, CohortDrift drift, int[] varying, CohortFit reference, int c)
    {
        if (!drift.Matched)
        {
            return [id, name, "new", "", .. varying.Select(_ => ""), $"{drift.Size:N0}", Percent(drift.Share), "", Percent(drift.FromPreviousShare), "new", ""];
        }

        var pin = CohortMeaning.PinnedNameReleaseReason(drift, anchor: null, CohortProfiles.RawCentroids(reference.Profiles)[c], reference.Clustering.Scaler);
        return
        [
            id, name, F(drift.Movement), F(drift.RelativeMovement), .. varying.Select(j => drift.FeatureMovement[j].ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)),
            $"{drift.PreviousSize:N0} -> {drift.Size:N0}", $"{Percent(drift.PreviousShare)} -> {Percent(drift.Share)}", Percent(drift.KeptShare), Percent(drift.FromPreviousShare),
            drift.MeaningChanged ? "changed" : "kept", pin is null ? "kept" : "released",
        ];
    }

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
