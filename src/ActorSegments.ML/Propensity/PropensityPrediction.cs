namespace ActorSegments.ML.Propensity;

/// <summary>The calibrated probability column of a binary classifier's output.</summary>
internal sealed class PropensityPrediction
{
    public float Probability { get; set; }
}
