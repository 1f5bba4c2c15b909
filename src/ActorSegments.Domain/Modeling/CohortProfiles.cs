using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// What each cohort looks like against everyone: its size and share, and per feature the cohort's raw mean, the
/// population's raw mean, and how far the cohort's mean of the transformed feature sits from the population's in
/// population standard deviations (the scaler's statistics, i.e. the space the clustering measured distances in).
/// Raw means are what people read; z-scores on the transformed scale are what say whether a difference matters, since
/// a few whales move a raw mean of revenue a long way without moving a cohort.
/// </summary>
public static class CohortProfiles
{
    /// <param name="rows">Raw feature rows, columns in <paramref name="features"/> order.</param>
    /// <param name="assignments">The cohort index (0 to <paramref name="cohortCount"/> - 1) of each row.</param>
    /// <param name="cohortCount">The number of cohorts; one with no rows gets size 0, zero means and zero z-scores.</param>
    /// <param name="features">The clustered features.</param>
    /// <param name="scaler">The population's statistics of the transformed features.</param>
    public static IReadOnlyList<CohortProfile> Build(
        IReadOnlyList<float[]> rows,
        IReadOnlyList<int> assignments,
        int cohortCount,
        IReadOnlyList<FeatureDefinition> features,
        FeatureScaler scaler)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cohortCount);
        if (assignments.Count != rows.Count)
        {
            throw new ArgumentException($"There are {assignments.Count} assignments for {rows.Count} rows.", nameof(assignments));
        }

        if (scaler.Count != features.Count)
        {
            throw new ArgumentException($"The scaler has {scaler.Count} features; {features.Count} were given.", nameof(scaler));
        }

        var count = features.Count;
        var sizes = new long[cohortCount];
        var rawSums = new double[cohortCount, count];
        var shapedSums = new double[cohortCount, count];
        var populationSums = new double[count];
        for (var i = 0; i < rows.Count; i++)
        {
            var cohort = assignments[i];
            if ((uint)cohort >= (uint)cohortCount)
            {
                throw new ArgumentException($"Row {i} is assigned to cohort {cohort}; expected 0 to {cohortCount - 1}.", nameof(assignments));
            }

            sizes[cohort]++;
            var row = rows[i];
            for (var j = 0; j < count; j++)
            {
                rawSums[cohort, j] += row[j];
                shapedSums[cohort, j] += FeatureScaler.Shape(row[j], scaler.Transforms[j]);
                populationSums[j] += row[j];
            }
        }

        var total = Math.Max(1, rows.Count);
        var (medians, populationMedians) = Medians(rows, assignments, cohortCount, features);
        var profiles = new CohortProfile[cohortCount];
        for (var c = 0; c < cohortCount; c++)
        {
            var contrasts = new FeatureContrast[count];
            for (var j = 0; j < count; j++)
            {
                var size = sizes[c];
                var deviation = scaler.StandardDeviations[j];
                var z = size == 0 || deviation == 0 ? 0 : ((shapedSums[c, j] / size) - scaler.Means[j]) / deviation;
                var mean = size == 0 ? 0 : rawSums[c, j] / size;
                contrasts[j] = new FeatureContrast(features[j].Name, features[j].Description, mean, populationSums[j] / total, z)
                {
                    Median = medians[c, j],
                    PopulationMedian = populationMedians[j],
                };
            }

            profiles[c] = new CohortProfile(c, sizes[c], (double)sizes[c] / total, contrasts);
        }

        return profiles;
    }

    /// <summary>Rows medians are taken from: a uniform stride over all rows, enough for a median to a fraction of a percent.</summary>
    public const int MedianSample = 100_000;

    /// <summary>
    /// Each cohort's and everyone's median of each feature, over every row when there are at most
    /// <see cref="MedianSample"/>, else over every n-th row (sorting a million values per feature would cost seconds).
    /// "Days since" features count whole days, as the RFM summary does (recency = whole days since the last purchase),
    /// so the two medians of the same thing agree; their fractional values put a typical median half a day higher.
    /// </summary>
    private static (double[,] Cohorts, double[] Population) Medians(IReadOnlyList<float[]> rows, IReadOnlyList<int> assignments, int cohortCount, IReadOnlyList<FeatureDefinition> features)
    {
        var count = features.Count;
        var stride = Math.Max(1, (rows.Count + MedianSample - 1) / MedianSample);
        var sampled = Enumerable.Range(0, (rows.Count + stride - 1) / stride).Select(i => i * stride).ToArray();
        var cohorts = new double[cohortCount, count];
        var population = new double[count];
        for (var j = 0; j < count; j++)
        {
            var column = j;
            Func<int, float> value = features[j].DaysSince ? i => MathF.Floor(rows[i][column]) : i => rows[i][column];
            population[j] = Median(sampled.Select(value));
            foreach (var group in sampled.GroupBy(i => assignments[i]))
            {
                cohorts[group.Key, j] = Median(group.Select(value));
            }
        }

        return (cohorts, population);
    }

    /// <summary>The middle value, or the mean of the two middle values; 0 for none.</summary>
    private static double Median(IEnumerable<float> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + (double)sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Each profile's raw feature means, the centroid a <see cref="CohortDescription"/> keeps.</summary>
    public static float[][] RawCentroids(IReadOnlyList<CohortProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return [.. profiles.Select(p => p.Features.Select(f => (float)f.Mean).ToArray())];
    }
}
