namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>Learns, from a randomized experiment, how much being messaged changes each customer's chance of the goal.</summary>
public interface IUpliftTrainer
{
    /// <param name="train">The customers the model learns from.</param>
    /// <param name="evaluation">Customers kept apart, each arm's outcome model checked on them.</param>
    /// <param name="options">Sizes and seed, as for a propensity model; the minimums apply to each arm.</param>
    /// <param name="cancellationToken">Honored between the two fits.</param>
    /// <exception cref="InsufficientDataException">An arm has too few customers or too few of either outcome.</exception>
    UpliftTraining Train(UpliftDataset train, UpliftDataset evaluation, PropensityOptions options, CancellationToken cancellationToken = default);
}

/// <summary>A trained uplift model, its payload to store (<see cref="UpliftPayload"/>), and each arm's outcome model checked on the evaluation customers.</summary>
public sealed record UpliftTraining(UpliftModel Model, byte[] Payload, PropensityMetrics TreatedModel, PropensityMetrics ControlModel, string Trainer);
