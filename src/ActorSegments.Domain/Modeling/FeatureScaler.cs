using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Maps raw feature values into the space clustering measures distances in: each feature through its
/// <see cref="FeatureTransform"/>, then standardized to the population's mean and standard deviation (a constant
/// feature becomes 0 everywhere, so it cannot pull distances).
/// </summary>
public sealed record FeatureScaler(IReadOnlyList<FeatureTransform> Transforms, double[] Means, double[] StandardDeviations)
{
    public int Count => Transforms.Count;

    public static FeatureScaler Fit(IReadOnlyList<float[]> rows, IReadOnlyList<FeatureDefinition> features)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        var transforms = features.Select(f => f.Transform).ToArray();
        var count = transforms.Length;
        var means = new double[count];
        var squares = new double[count];
        foreach (var row in rows)
        {
            for (var j = 0; j < count; j++)
            {
                var x = Shape(row[j], transforms[j]);
                means[j] += x;
                squares[j] += x * x;
            }
        }

        var n = Math.Max(1, rows.Count);
        var deviations = new double[count];
        for (var j = 0; j < count; j++)
        {
            means[j] /= n;
            var variance = (squares[j] / n) - (means[j] * means[j]);
            deviations[j] = variance > 1e-12 ? Math.Sqrt(variance) : 0;
        }

        return new FeatureScaler(transforms, means, deviations);
    }

    /// <summary>The transform alone (no standardization).</summary>
    public static double Shape(float raw, FeatureTransform transform) => transform switch
    {
        FeatureTransform.Log1p => Math.Log(1 + Math.Max(0, (double)raw)),
        _ => raw,
    };

    public void Transform(ReadOnlySpan<float> raw, Span<float> destination)
    {
        for (var j = 0; j < Count; j++)
        {
            destination[j] = StandardDeviations[j] == 0 ? 0 : (float)((Shape(raw[j], Transforms[j]) - Means[j]) / StandardDeviations[j]);
        }
    }

    public float[] Transform(ReadOnlySpan<float> raw)
    {
        var scaled = new float[Count];
        Transform(raw, scaled);
        return scaled;
    }
}
