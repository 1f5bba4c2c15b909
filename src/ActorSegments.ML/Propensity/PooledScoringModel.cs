using System.Collections.Concurrent;
using ActorSegments.Domain.Modeling;
using Microsoft.ML;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// Scores single rows with a trained ML.NET model from many threads: a prediction engine is not thread-safe, so each
/// call borrows one (with its input and output objects, reused across calls) from a pool that grows to the number of
/// concurrent callers and no further.
/// </summary>
internal sealed class PooledScoringModel(MLContext context, ITransformer transformer, int width) : IScoringModel
{
    private readonly ConcurrentBag<Scorer> _idle = [];

    public int Width => width;

    public double Score(ReadOnlySpan<float> features)
    {
        if (features.Length != width)
        {
            throw new ArgumentException($"The model was trained on rows of {width} features; this row has {features.Length}.", nameof(features));
        }

        if (!_idle.TryTake(out var scorer))
        {
            scorer = new Scorer(context.Model.CreatePredictionEngine<PropensityRow, PropensityPrediction>(transformer, inputSchemaDefinition: PropensityRow.Schema(width)), width);
        }

        try
        {
            features.CopyTo(scorer.Input.Features);
            scorer.Engine.Predict(scorer.Input, ref scorer.Output);
            return scorer.Output.Probability;
        }
        finally
        {
            _idle.Add(scorer);
        }
    }

    private sealed class Scorer(PredictionEngine<PropensityRow, PropensityPrediction> engine, int width)
    {
        public PredictionEngine<PropensityRow, PropensityPrediction> Engine { get; } = engine;

        public PropensityRow Input { get; } = new() { Features = new float[width] };

        // A field: Predict takes the output by reference (and fills the same object each time).
        public PropensityPrediction Output = new();
    }
}
