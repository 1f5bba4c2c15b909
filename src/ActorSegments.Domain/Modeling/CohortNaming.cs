namespace ActorSegments.Domain.Modeling;

/// <summary>
/// The names a run's cohorts get: a user's pinned name while the cohort still means what it named
/// (<see cref="CohortMeaning.PinnedNameReleaseReason"/>), the labeler's otherwise. A released pin is reported in the
/// cohort's drift (the old name and why) and dropped from the settings, so the next runs name the cohort afresh.
/// </summary>
/// <param name="Cohorts">The run's cohorts, in the order of the ids.</param>
/// <param name="Pins">The pinned names to keep in the settings: those not released, each with its anchor (a pin
/// stored without one, or with one of other features, is anchored where the previous run had the cohort).</param>
public sealed record CohortNaming(IReadOnlyList<CohortDescription> Cohorts, IReadOnlyDictionary<string, CohortLabelOverride> Pins)
{
    /// <param name="previous">The previous successful run (the anchor of a pin stored without one).</param>
    /// <param name="ids">The run's cohort ids.</param>
    /// <param name="labels">The labeler's names, in the order of the ids.</param>
    /// <param name="rawCentroids">The run's raw centroids, in the order of the ids.</param>
    /// <param name="drifts">The cohorts' drifts (<see cref="CohortDrifts.Compute"/>), in the order of the ids.</param>
    /// <param name="settings">The workspace's settings, with the names users gave.</param>
    /// <param name="scaler">The run's scaler.</param>
    public static CohortNaming Apply(
        CohortRun? previous,
        IReadOnlyList<string> ids,
        IReadOnlyList<CohortLabel> labels,
        IReadOnlyList<float[]> rawCentroids,
        IReadOnlyList<CohortDrift> drifts,
        CohortSettings settings,
        FeatureScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rawCentroids);
        ArgumentNullException.ThrowIfNull(drifts);
        ArgumentNullException.ThrowIfNull(settings);
        var pins = settings.Labels.Where(l => l.Value.Pinned).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var cohorts = new CohortDescription[ids.Count];
        for (var c = 0; c < ids.Count; c++)
        {
            var (id, label, drift) = (ids[c], labels[c], drifts[c]);
            var cohort = new CohortDescription(id, label.Name, label.Description, label.Source, drift.Size, rawCentroids[c], drift);
            if (pins.GetValueOrDefault(id) is { } pin)
            {
                var anchor = pin.Anchor is { } pinned && pinned.Length == rawCentroids[c].Length ? pinned : previous?.Cohorts.FirstOrDefault(p => p.Id == id)?.Centroid;
                if (CohortMeaning.PinnedNameReleaseReason(drift, anchor, rawCentroids[c], scaler) is { } reason)
                {
                    pins.Remove(id);
                    cohort = cohort with { Drift = drift with { ReleasedName = pin.Name, ReleaseReason = reason } };
                }
                else
                {
                    pins[id] = pin with { Anchor = anchor };
                    cohort = cohort with { Name = pin.Name, Description = pin.Description ?? label.Description, LabelSource = UserSource };
                }
            }

            cohorts[c] = cohort;
        }

        return new CohortNaming(cohorts, pins);
    }

    /// <summary>The label source of a name a user gave.</summary>
    public const string UserSource = "user";
}
