namespace ActorSegments.Domain.Modeling;

/// <summary>Squared Euclidean distances to centroids; the nearest one wins (the lower index on a tie).</summary>
public static class NearestCentroid
{
    public static int Of(ReadOnlySpan<float> point, IReadOnlyList<float[]> centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < centroids.Count; c++)
        {
            var distance = SquaredDistance(point, centroids[c]);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (c, distance);
            }
        }

        return best;
    }

    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }
}
