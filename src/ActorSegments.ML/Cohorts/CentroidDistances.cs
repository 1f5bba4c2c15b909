using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Cohorts;

/// <summary>Nearest-centroid labels, inertia and distinct points of scaled rows.</summary>
internal static class CentroidDistances
{
    public static int[] Labels(IReadOnlyList<float[]> rows, float[][] centroids)
    {
        var labels = new int[rows.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = NearestCentroid.Of(rows[i], centroids);
        }

        return labels;
    }

    /// <summary>The mean squared distance of a row to its nearest centroid (the within-cluster sum of squares per row).</summary>
    public static double Inertia(IReadOnlyList<float[]> rows, float[][] centroids)
    {
        double sum = 0;
        foreach (var row in rows)
        {
            sum += NearestCentroid.SquaredDistance(row, centroids[NearestCentroid.Of(row, centroids)]);
        }

        return rows.Count == 0 ? 0 : sum / rows.Count;
    }

    /// <summary>How many distinct rows there are, counting no further than <paramref name="limit"/>.</summary>
    public static int CountDistinct(IEnumerable<float[]> rows, int limit)
    {
        var seen = new HashSet<float[]>(RowComparer.Instance);
        foreach (var row in rows)
        {
            if (seen.Add(row) && seen.Count >= limit)
            {
                break;
            }
        }

        return seen.Count;
    }

    private sealed class RowComparer : IEqualityComparer<float[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(float[]? x, float[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(float[] obj)
        {
            // float's own hash, not its bytes: 0 and -0 are equal and must hash alike.
            var hash = new HashCode();
            foreach (var value in obj)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
