using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.ML.Propensity;

namespace ActorSegments.ML.Uplift;

/// <summary>
/// The two-model uplift learner (T-learner): the propensity trainer's gradient-boosted trees fitted once on the
/// messaged customers and once on the control, the uplift their difference (<see cref="UpliftModel"/>).
/// </summary>
/// <remarks>
/// Why two models: each is an ordinary, calibrated outcome model, fitted and checked exactly as a propensity model is
/// (same trainer, same settings, so its figures read the same), and the pair scores a customer with two predictions
/// and no more. The X-learner's gains come when one arm is much larger than the other; with a 10% holdout its
/// second-stage models would regress imputed effects on a few hundred control customers. The transformed-outcome
/// model fits one noisy regression target whose variance grows as the arms get unbalanced, and needs a regression
/// trainer the project does not use elsewhere. The cost of two models is that each learns the outcome, not the
/// difference, so a small uplift under a large baseline is the difference of two larger errors; the evaluation
/// (Qini, uplift at k against propensity and random targeting) says whether the ranking is worth using.
/// </remarks>
public sealed class TwoModelUpliftTrainer(IPropensityTrainer outcomes) : IUpliftTrainer
{
    public TwoModelUpliftTrainer()
        : this(new PropensityTrainer())
    {
    }

    public static string Description { get; } = $"two-model uplift (T-learner), each arm's outcome model {PropensityTrainer.Description}";

    public UpliftTraining Train(UpliftDataset train, UpliftDataset evaluation, PropensityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(options);
        var treated = Fit(train, evaluation, treated: true, options, cancellationToken);
        var control = Fit(train, evaluation, treated: false, options, cancellationToken);
        return new UpliftTraining(
            new UpliftModel(treated.Model, control.Model),
            UpliftPayload.Pack(treated.Payload, control.Payload),
            treated.Holdout,
            control.Holdout,
            Description);
    }

    private PropensityTraining Fit(UpliftDataset train, UpliftDataset evaluation, bool treated, PropensityOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return outcomes.Train(train.Arm(treated), evaluation.Arm(treated), options, cancellationToken);
        }
        catch (InsufficientDataException ex)
        {
            throw new InsufficientDataException($"The {(treated ? "messaged" : "control")} customers cannot support an outcome model. {ex.Message}");
        }
    }
}
