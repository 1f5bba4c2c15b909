using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ActorSegments.ML.Cohorts;

/// <summary>One ML.NET k-means fit (k-means++ initialization) of scaled rows, returning its centroids.</summary>
internal static class MlNetKMeans
{
    /// <summary>
    /// Clustered data converges in far fewer iterations; data with no clear clusters creeps on for hundreds (the ML.NET
    /// default allows 1,000) while the inertia moves by less than 0.01%. Measured on 100,000 rows: 50 instead of 200
    /// iterations took a quarter of the time for the same inertia to four digits.
    /// </summary>
    private const int MaximumIterations = 50;

    /// <summary>
    /// Fits k centroids to the rows. Single-threaded, with its own seeded context, so
    /// the result depends on the seed alone and many fits can run side by side.
    /// </summary>
    public static float[][] Fit(float[][] rows, int k, int seed)
    {
        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, rows[0].Length);
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = r }), schema);
        var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = MaximumIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out var found);
        return [.. centroids.Take(found).Select(c => c.DenseValues().ToArray())];
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
