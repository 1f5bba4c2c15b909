namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// A two-model (T-learner) uplift model: one outcome model fitted on the messaged customers, one on the control, and a
/// customer's uplift the difference of their probabilities, P(goal | messaged, x) − P(goal | not messaged, x), in
/// [-1, 1]. Negative means the message is predicted to make the goal less likely. Safe to call from many threads when
/// both models are.
/// </summary>
public sealed class UpliftModel(IScoringModel treated, IScoringModel control)
{
    public IScoringModel Treated { get; } = treated ?? throw new ArgumentNullException(nameof(treated));

    public IScoringModel Control { get; } = control ?? throw new ArgumentNullException(nameof(control));

    public double Score(ReadOnlySpan<float> features) => Treated.Score(features) - Control.Score(features);
}
