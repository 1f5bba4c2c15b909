using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Propensity;

/// <summary>A classifier's probability passed through the calibrator fitted for it.</summary>
internal sealed class CalibratedScoringModel(IScoringModel classifier, IsotonicCalibrator calibrator) : IScoringModel
{
    public int Width => classifier.Width;

    public IScoringModel Classifier => classifier;

    public IsotonicCalibrator Calibrator => calibrator;

    public double Score(ReadOnlySpan<float> features) => calibrator.Apply(classifier.Score(features));
}
