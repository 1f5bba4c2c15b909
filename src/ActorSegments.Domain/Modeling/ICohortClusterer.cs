using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Finds cohorts in feature rows: shapes and standardizes the features, chooses k over a range (elbow of the inertia
/// curve and silhouette on a sample) unless k is fixed, and fits k-means with several seeds, keeping the best.
/// </summary>
public interface ICohortClusterer
{
    /// <summary>
    /// Fits cohorts to <paramref name="rows"/>: raw feature values, one array per customer, columns in
    /// <paramref name="features"/> order.
    /// </summary>
    ClusteringResult Fit(IReadOnlyList<float[]> rows, IReadOnlyList<FeatureDefinition> features, ClusteringOptions options, CancellationToken cancellationToken = default);
}

public sealed record ClusteringOptions
{
    public int MinK { get; init; } = 3;

    public int MaxK { get; init; } = 10;

    /// <summary>Use this k instead of choosing one.</summary>
    public int? FixedK { get; init; }

    /// <summary>k-means fits with different seeds per k; the lowest inertia wins.</summary>
    public int Seeds { get; init; } = 4;

    /// <summary>Rows k-means is fitted on (a uniform sample when there are more); every row is assigned afterwards.</summary>
    public int TrainingSample { get; init; } = 100_000;

    /// <summary>Rows the silhouette is computed on (it costs the square of this).</summary>
    public int SilhouetteSample { get; init; } = 4_000;

    /// <summary>
    /// Rows each candidate k is fitted on while choosing k (a prefix of the training sample, itself uniform): the
    /// shape of the inertia curve and the silhouette settle long before the full training sample.
    /// </summary>
    public int SelectionSample { get; init; } = 20_000;

    /// <summary>k-means fits per candidate k while choosing k; the lowest inertia counts.</summary>
    public int SelectionSeeds { get; init; } = 2;

    public int Seed { get; init; } = 17;
}

/// <summary>
/// A fitted clustering: the scaler that maps raw rows into the space the centroids live in, the centroids, and how
/// k was chosen. <see cref="Assign"/> is what every customer goes through.
/// </summary>
/// <remarks>
/// <see cref="Inertia"/> and every <see cref="KCandidate.Inertia"/> are the within-cluster sum of squares per row (the
/// mean squared distance to the nearest centroid, in scaled space), so fits on samples of different sizes compare.
/// <see cref="Silhouette"/> is the final model's mean silhouette on the silhouette sample.
/// </remarks>
public sealed record ClusteringResult(
    FeatureScaler Scaler,
    float[][] Centroids,
    double Inertia,
    double Silhouette,
    IReadOnlyList<KCandidate> Candidates,
    int TrainingRows)
{
    public int K => Centroids.Length;

    /// <summary>The index of the centroid nearest to the raw row.</summary>
    public int Assign(ReadOnlySpan<float> raw)
    {
        Span<float> scaled = stackalloc float[Scaler.Count];
        Scaler.Transform(raw, scaled);
        return NearestCentroid.Of(scaled, Centroids);
    }
}
