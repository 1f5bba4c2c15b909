namespace ActorSegments.ML.Cohorts;

/// <summary>
/// The exact mean silhouette coefficient (Euclidean) of labelled points, as scikit-learn's
/// <c>silhouette_score</c> computes it: per point, s = (b - a) / max(a, b), with a the mean distance to the other points
/// of its cluster and b the smallest mean distance to the points of another cluster. A point alone in its cluster scores
/// 0; so does every point when fewer than two clusters have points (where scikit-learn refuses to answer).
/// O(n²·d): meant for a sample.
/// </summary>
public static class Silhouette
{
    /// <param name="points">The points, all of one length.</param>
    /// <param name="labels">The cluster of each point: 0, 1, 2, ...</param>
    public static double Score(IReadOnlyList<float[]> points, IReadOnlyList<int> labels) => Scores(points, [labels])[0];

    /// <summary>
    /// The silhouette of each labelling of the same points: the pairwise distances are computed once for all of them,
    /// which is what makes comparing candidate k cheap.
    /// </summary>
    /// <param name="points">The points, all of one length.</param>
    /// <param name="labelings">Labellings of the points, each with one cluster (0, 1, 2, ...) per point.</param>
    public static double[] Scores(IReadOnlyList<float[]> points, IReadOnlyList<IReadOnlyList<int>> labelings)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labelings);
        var n = points.Count;
        var labels = labelings.Select(l => Checked(l, n)).ToArray();
        var sizes = labels.Select(ClusterSizes).ToArray();
        var offsets = new int[labels.Length + 1];
        for (var m = 0; m < labels.Length; m++)
        {
            offsets[m + 1] = offsets[m] + sizes[m].Length;
        }

        var flat = Flatten(points);
        var dimensions = n == 0 ? 0 : flat.Length / n;
        var values = new double[labels.Length, n];

        // Each point's values are written by exactly one block and summed in order afterwards, so the result does not
        // depend on how blocks were scheduled.
        const int BlockSize = 64;
        Parallel.For(0, (n + BlockSize - 1) / BlockSize, block =>
        {
            var sums = new double[offsets[^1]];
            for (var i = block * BlockSize; i < Math.Min(n, (block + 1) * BlockSize); i++)
            {
                Array.Clear(sums);
                var a = flat.AsSpan(i * dimensions, dimensions);
                for (var j = 0; j < n; j++)
                {
                    var distance = Distance(a, flat.AsSpan(j * dimensions, dimensions));
                    for (var m = 0; m < labels.Length; m++)
                    {
                        sums[offsets[m] + labels[m][j]] += distance;
                    }
                }

                for (var m = 0; m < labels.Length; m++)
                {
                    values[m, i] = PointValue(sums.AsSpan(offsets[m], sizes[m].Length), sizes[m], labels[m][i]);
                }
            }
        });

        var scores = new double[labels.Length];
        for (var m = 0; m < labels.Length; m++)
        {
            double total = 0;
            for (var i = 0; i < n; i++)
            {
                total += values[m, i];
            }

            scores[m] = n == 0 ? 0 : total / n;
        }

        return scores;
    }

    private static double PointValue(ReadOnlySpan<double> sums, int[] sizes, int own)
    {
        if (sizes[own] < 2)
        {
            return 0;
        }

        var a = sums[own] / (sizes[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < sizes.Length; c++)
        {
            if (c != own && sizes[c] > 0)
            {
                b = Math.Min(b, sums[c] / sizes[c]);
            }
        }

        var scale = Math.Max(a, b);
        return double.IsPositiveInfinity(b) || scale == 0 ? 0 : (b - a) / scale;
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (var d = 0; d < a.Length; d++)
        {
            var difference = a[d] - b[d];
            sum += difference * difference;
        }

        return Math.Sqrt(sum);
    }

    private static double[] Flatten(IReadOnlyList<float[]> points)
    {
        var dimensions = points.Count == 0 ? 0 : points[0].Length;
        var flat = new double[points.Count * dimensions];
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Length != dimensions)
            {
                throw new ArgumentException($"Point {i} has {points[i].Length} values; point 0 has {dimensions}.", nameof(points));
            }

            for (var d = 0; d < dimensions; d++)
            {
                flat[(i * dimensions) + d] = points[i][d];
            }
        }

        return flat;
    }

    private static int[] Checked(IReadOnlyList<int> labels, int count)
    {
        if (labels.Count != count)
        {
            throw new ArgumentException($"A labelling has {labels.Count} labels for {count} points.", nameof(labels));
        }

        if (labels.Any(l => l < 0))
        {
            throw new ArgumentException("Labels must be 0 or more.", nameof(labels));
        }

        return [.. labels];
    }

    private static int[] ClusterSizes(int[] labels)
    {
        var sizes = new int[labels.Length == 0 ? 1 : labels.Max() + 1];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        return sizes;
    }
}
