namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Keeps cohort ids stable across refreshes: a new cohort takes the id of the previous run's cohort that sits in the
/// same place, so segments and rules naming <c>cohort-3</c> keep meaning the same customers.
/// </summary>
/// <remarks>
/// Where the comparison happens: both runs' cohorts are compared by their raw feature means (what
/// <see cref="CohortDescription.Centroid"/> stores), each mapped through the new run's scaler. A raw mean is not the
/// mean of transformed values, so this point is not the k-means centroid; but both sides go through the same mapping,
/// so the same group of customers lands on the same point, and the new scaler puts every feature on the scale the
/// new clustering measured differences in (without it, revenue would outweigh every rate). Nothing beyond what a run
/// already stores is needed: the previous scaler is not kept anywhere.
/// <para>
/// Pairs are chosen by the minimum total distance (the Hungarian algorithm), and a pair counts only when its distance
/// is at most <c>threshold</c> times the typical spacing of the new cohorts (the median distance from a new cohort to
/// its nearest other new cohort): a cohort that moved less than half-way to its neighbour (the default 0.5) is still
/// itself; one that moved further, or a split or merge, is a new cohort. New cohorts left without a partner get fresh
/// numbers in their order, after <c>highestUsed</c>.
/// </para>
/// </remarks>
public static class CentroidMatcher
{
    public const double DefaultThreshold = 0.5;

    /// <summary>Ids for the new cohorts, in the order of <paramref name="rawCentroids"/>.</summary>
    /// <param name="previousFeatures">The features of the previous run; a different list (or order) matches nothing.</param>
    /// <param name="previousCohorts">The previous run's cohorts (ids and raw centroids); empty when there was none.</param>
    /// <param name="features">The features of the new run, in column order.</param>
    /// <param name="rawCentroids">The new cohorts' raw feature means (see <see cref="CohortProfiles.RawCentroids"/>).</param>
    /// <param name="scaler">The new run's scaler.</param>
    /// <param name="highestUsed">The highest cohort number ever issued in the workspace (0 when none).</param>
    /// <param name="threshold">The largest accepted distance as a fraction of the typical spacing of the new cohorts.</param>
    public static IReadOnlyList<string> AssignIds(
        IReadOnlyList<string> previousFeatures,
        IReadOnlyList<CohortDescription> previousCohorts,
        IReadOnlyList<string> features,
        IReadOnlyList<float[]> rawCentroids,
        FeatureScaler scaler,
        int highestUsed,
        double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(previousFeatures);
        ArgumentNullException.ThrowIfNull(previousCohorts);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rawCentroids);
        ArgumentNullException.ThrowIfNull(scaler);
        var ids = new string?[rawCentroids.Count];
        var comparable = previousFeatures.SequenceEqual(features, StringComparer.Ordinal)
            ? previousCohorts.Where(c => c.Centroid.Length == features.Count).ToArray()
            : [];
        if (comparable.Length > 0 && rawCentroids.Count > 0)
        {
            var current = rawCentroids.Select(c => scaler.Transform(c)).ToArray();
            var previous = comparable.Select(c => scaler.Transform(c.Centroid)).ToArray();
            var limit = threshold * TypicalSpacing(current.Length > 1 ? current : previous);
            foreach (var (p, c) in Pairs(previous, current, limit))
            {
                ids[c] = comparable[p].Id;
            }
        }

        var next = Math.Max(highestUsed, CohortIds.Highest(previousCohorts.Select(c => c.Id)));
        return [.. ids.Select(id => id ?? CohortIds.Format(++next))];
    }

    /// <summary>
    /// The median distance from a point to its nearest other point; 1 (a standard deviation) for one point. The scale of
    /// both the matcher's limit and <see cref="CohortMeaning"/>'s.
    /// </summary>
    /// <param name="points">Centroids in the scaled space (see <see cref="FeatureScaler.Transform(ReadOnlySpan{float})"/>).</param>
    public static double TypicalSpacing(IReadOnlyList<float[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return 1;
        }

        var nearest = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            nearest[i] = double.PositiveInfinity;
            for (var j = 0; j < points.Count; j++)
            {
                if (i != j)
                {
                    nearest[i] = Math.Min(nearest[i], Math.Sqrt(NearestCentroid.SquaredDistance(points[i], points[j])));
                }
            }
        }

        Array.Sort(nearest);
        var middle = nearest.Length / 2;
        return nearest.Length % 2 == 1 ? nearest[middle] : (nearest[middle - 1] + nearest[middle]) / 2;
    }

    /// <summary>The (previous, current) index pairs of the cheapest matching whose distances are within the limit.</summary>
    private static IEnumerable<(int Previous, int Current)> Pairs(float[][] previous, float[][] current, double limit)
    {
        // Rows are the smaller side. Distances beyond the limit cost the limit: such a pair is as good as none, so the
        // matching maximizes the pairs that do count instead of trading one of them for a far-fetched one.
        var transposed = previous.Length > current.Length;
        var (rows, columns) = transposed ? (current, previous) : (previous, current);
        var distances = new double[rows.Length, columns.Length];
        var cost = new double[rows.Length, columns.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                distances[r, c] = Math.Sqrt(NearestCentroid.SquaredDistance(rows[r], columns[c]));
                cost[r, c] = Math.Min(distances[r, c], limit);
            }
        }

        var match = MinimumCostAssignment(cost);
        for (var r = 0; r < rows.Length; r++)
        {
            if (distances[r, match[r]] <= limit)
            {
                yield return transposed ? (match[r], r) : (r, match[r]);
            }
        }
    }

    /// <summary>
    /// The Hungarian algorithm with potentials, O(n²m) for n rows ≤ m columns: the column of each row in an
    /// assignment of least total cost.
    /// </summary>
    private static int[] MinimumCostAssignment(double[,] cost)
    {
        int n = cost.GetLength(0), m = cost.GetLength(1);
        var u = new double[n + 1];
        var v = new double[m + 1];
        var owner = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            owner[0] = i;
            var column = 0;
            var slack = Enumerable.Repeat(double.PositiveInfinity, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[column] = true;
                var row = owner[column];
                var delta = double.PositiveInfinity;
                var nextColumn = 0;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var reduced = cost[row - 1, j - 1] - u[row] - v[j];
                    if (reduced < slack[j])
                    {
                        (slack[j], way[j]) = (reduced, column);
                    }

                    if (slack[j] < delta)
                    {
                        (delta, nextColumn) = (slack[j], j);
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        slack[j] -= delta;
                    }
                }

                column = nextColumn;
            }
            while (owner[column] != 0);

            do
            {
                var previous = way[column];
                owner[column] = owner[previous];
                column = previous;
            }
            while (column != 0);
        }

        var result = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (owner[j] != 0)
            {
                result[owner[j] - 1] = j - 1;
            }
        }

        return result;
    }
}
