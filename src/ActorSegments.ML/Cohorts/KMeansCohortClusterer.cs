using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Cohorts;

/// <summary>
/// Cohorts by k-means: ML.NET's trainer with k-means++ initialization, in the scaler's space (log1p where the feature
/// asks for it, then z-scores over all rows).
/// <list type="number">
/// <item>A uniform sample of <see cref="ClusteringOptions.TrainingSample"/> rows in random order; its first
/// <see cref="ClusteringOptions.SelectionSample"/> rows choose k and its first
/// <see cref="ClusteringOptions.SilhouetteSample"/> rows measure silhouettes.</item>
/// <item>Unless k is fixed: every k from MinK to MaxK is fitted <see cref="ClusteringOptions.SelectionSeeds"/> times
/// on the selection rows, the lowest inertia of each k and its silhouette make the candidates, and
/// <see cref="KSelection"/> picks k (the knee of the inertia curve as a lower bound, then the silhouette).</item>
/// <item>The chosen k is fitted <see cref="ClusteringOptions.Seeds"/> times on the training sample; the lowest inertia
/// wins. Its centroids are ML.NET's as they are: Lloyd iterations of our own afterwards were measured to change the
/// inertia by less than 0.01% (a converged fit leaves nothing to do).</item>
/// </list>
/// Every fit is single-threaded with its own context seeded from (seed, k, trial), and independent fits run side by
/// side: the result depends on <see cref="ClusteringOptions.Seed"/> alone, not on the number of cores.
/// </summary>
public sealed class KMeansCohortClusterer : ICohortClusterer
{
    public ClusteringResult Fit(IReadOnlyList<float[]> rows, IReadOnlyList<FeatureDefinition> features, ClusteringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        Validate(rows, features, options);
        var scaler = FeatureScaler.Fit(rows, features);
        var training = RowSample.Draw(rows.Count, options.TrainingSample, options.Seed).Select(i => scaler.Transform(rows[i])).ToArray();
        var silhouetteRows = training[..Math.Min(options.SilhouetteSample, training.Length)];
        var smallest = options.FixedK ?? options.MinK;
        if (training.Length <= smallest)
        {
            throw new InsufficientDataException($"{training.Length} rows cannot make {smallest} cohorts with a silhouette; at least {smallest + 1} are needed.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<KCandidate>? candidates = null;
        var k = options.FixedK ?? ChooseK(training, silhouetteRows, options, out candidates, cancellationToken);
        RequireDistinct(training, k);
        var trials = Enumerable.Range(0, options.Seeds).Select(t => (k, t)).ToArray();
        var (centroids, inertia) = FitAll(training, trials, options.Seed, cancellationToken).MinBy(f => f.Inertia);
        var silhouette = Silhouette.Score(silhouetteRows, CentroidDistances.Labels(silhouetteRows, centroids));
        return new ClusteringResult(scaler, centroids, inertia, silhouette, candidates ?? [new KCandidate(k, inertia, silhouette)], training.Length);
    }

    private static int ChooseK(float[][] training, float[][] silhouetteRows, ClusteringOptions options, out IReadOnlyList<KCandidate> candidates, CancellationToken cancellationToken)
    {
        // Never fewer rows than the largest k needs for a silhouette; the training sample has more than MinK.
        var selection = training[..Math.Min(Math.Max(options.SelectionSample, options.MaxK + 1), training.Length)];
        var maxK = Math.Min(RequireDistinct(selection, options.MinK, options.MaxK), selection.Length - 1);
        var ks = Enumerable.Range(options.MinK, maxK - options.MinK + 1).ToArray();
        var trials = ks.SelectMany(k => Enumerable.Range(0, options.SelectionSeeds).Select(t => (k, t))).ToArray();
        var fits = FitAll(selection, trials, options.Seed, cancellationToken);
        var bests = ks.Select((_, i) => fits.Skip(i * options.SelectionSeeds).Take(options.SelectionSeeds).MinBy(f => f.Inertia)).ToArray();
        var silhouettes = Silhouette.Scores(silhouetteRows, [.. bests.Select(b => CentroidDistances.Labels(silhouetteRows, b.Centroids))]);
        candidates = [.. ks.Select((k, i) => new KCandidate(k, bests[i].Inertia, silhouettes[i]))];
        return KSelection.Choose(candidates, CentroidDistances.Inertia(selection, [Mean(selection)]));
    }

    /// <summary>Fits every (k, trial) on the rows, side by side; the results are in the order of the trials.</summary>
    private static (float[][] Centroids, double Inertia)[] FitAll(float[][] rows, (int K, int Trial)[] trials, int seed, CancellationToken cancellationToken)
    {
        var results = new (float[][] Centroids, double Inertia)[trials.Length];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, trials.Length, parallel, i =>
        {
            var (k, trial) = trials[i];
            var centroids = MlNetKMeans.Fit(rows, k, unchecked(seed + (k * 7_919) + (trial * 104_729)));
            results[i] = (centroids, CentroidDistances.Inertia(rows, centroids));
        });
        return results;
    }

    /// <summary>
    /// How many distinct rows there are, up to <paramref name="enough"/>; fewer than <paramref name="needed"/> throws.
    /// k-means cannot place more centroids than there are distinct points (ML.NET refuses to try).
    /// </summary>
    private static int RequireDistinct(float[][] rows, int needed, int? enough = null)
    {
        var distinct = CentroidDistances.CountDistinct(rows, enough ?? needed);
        return distinct >= needed ? distinct
            : throw new InsufficientDataException($"The rows take only {distinct} distinct values on these features; {needed} cohorts need at least {needed}.");
    }

    private static float[] Mean(float[][] rows)
    {
        var mean = new double[rows[0].Length];
        foreach (var row in rows)
        {
            for (var j = 0; j < mean.Length; j++)
            {
                mean[j] += row[j];
            }
        }

        return [.. mean.Select(m => (float)(m / rows.Length))];
    }

    private static void Validate(IReadOnlyList<float[]> rows, IReadOnlyList<FeatureDefinition> features, ClusteringOptions options)
    {
        Require(options.MinK >= 2, $"MinK must be at least 2 (got {options.MinK})");
        Require(options.MaxK >= options.MinK, $"MaxK must be at least MinK ({options.MinK}) (got {options.MaxK})");
        Require(options.FixedK is null or >= 1, $"FixedK must be at least 1 when set (got {options.FixedK})");
        Require(options.Seeds >= 1 && options.SelectionSeeds >= 1, $"Seeds and SelectionSeeds must be at least 1 (got {options.Seeds} and {options.SelectionSeeds})");
        Require(options.TrainingSample >= 2 && options.SelectionSample >= 2 && options.SilhouetteSample >= 2,
            $"TrainingSample, SelectionSample and SilhouetteSample must be at least 2 (got {options.TrainingSample}, {options.SelectionSample} and {options.SilhouetteSample})");
        if (features.Count == 0)
        {
            throw new ArgumentException("At least one feature is needed to cluster on.", nameof(features));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null || rows[i].Length != features.Count)
            {
                throw new ArgumentException($"Row {i} has {rows[i]?.Length ?? 0} values; there are {features.Count} features.", nameof(rows));
            }
        }

        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new ArgumentException($"ClusteringOptions.{message}.", nameof(options));
            }
        }
    }
}
