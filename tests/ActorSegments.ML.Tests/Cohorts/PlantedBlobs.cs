using ActorSegments.Domain.Features;

namespace ActorSegments.ML.Tests.Cohorts;

/// <summary>
/// Gaussian blobs with known membership: centers at least <see cref="MinimumSeparation"/> apart in a cube, unit
/// spread per dimension. Centers and points come from separate seeds, so a "refresh" can redraw points around the same
/// centers.
/// </summary>
internal static class PlantedBlobs
{
    public const double MinimumSeparation = 9;

    public static FeatureDefinition[] Features(int dimensions) =>
        [.. Enumerable.Range(0, dimensions).Select(d => new FeatureDefinition($"f{d}", $"Planted dimension {d}", FeatureTransform.None))];

    public static double[][] Centers(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var centers = new List<double[]>();
        while (centers.Count < count)
        {
            var candidate = Enumerable.Range(0, dimensions).Select(_ => (random.NextDouble() * 20) - 10).ToArray();
            if (centers.All(c => Math.Sqrt(c.Zip(candidate, (a, b) => (a - b) * (a - b)).Sum()) >= MinimumSeparation))
            {
                centers.Add(candidate);
            }
        }

        return [.. centers];
    }

    /// <summary><paramref name="perBlob"/> points around each center, shuffled, with the index of their center.</summary>
    public static (float[][] Rows, int[] Labels) Sample(IReadOnlyList<double[]> centers, int perBlob, int seed)
    {
        var random = new Random(seed);
        var points = new List<(float[] Row, int Label)>();
        for (var c = 0; c < centers.Count; c++)
        {
            for (var i = 0; i < perBlob; i++)
            {
                points.Add(([.. centers[c].Select(x => (float)(x + Normal(random)))], c));
            }
        }

        var shuffled = points.OrderBy(_ => random.Next()).ToArray();
        return ([.. shuffled.Select(p => p.Row)], [.. shuffled.Select(p => p.Label)]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
