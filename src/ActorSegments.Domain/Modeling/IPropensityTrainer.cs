namespace ActorSegments.Domain.Modeling;

/// <summary>Trains a binary propensity model (e.g. "purchases within 30 days") and evaluates it on a later holdout.</summary>
public interface IPropensityTrainer
{
    /// <exception cref="InsufficientDataException">Too few rows or too few of either outcome to learn anything.</exception>
    PropensityTraining Train(PropensityDataset train, PropensityDataset holdout, PropensityOptions options, CancellationToken cancellationToken = default);
}

/// <summary>Rebuilds a model saved by <see cref="IPropensityTrainer"/> from its payload.</summary>
public interface IScoringModelLoader
{
    IScoringModel Load(byte[] payload);
}

/// <summary>A trained model: a probability in [0, 1] from a feature row. Safe to call from many threads.</summary>
public interface IScoringModel
{
    /// <summary>The number of features a row must have: a model of another feature layout cannot score today's rows.</summary>
    int Width { get; }

    double Score(ReadOnlySpan<float> features);
}

/// <summary>Feature rows (in <see cref="Features.CustomerFeatures"/> order) and their outcomes.</summary>
public sealed record PropensityDataset(IReadOnlyList<float[]> Rows, IReadOnlyList<bool> Labels)
{
    public int Positives => Labels.Count(l => l);

    /// <summary>
    /// Who each row describes (a customer appears once per cutoff), when known: validation parts carved from the
    /// training rows keep a customer's rows together, so no customer is both fitted and validated on.
    /// </summary>
    public IReadOnlyList<string>? Groups { get; init; }
}

public sealed record PropensityOptions
{
    /// <summary>The probability at or above which a customer counts as predicted positive for precision and recall.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Fewer training rows than this, or fewer of either outcome than <see cref="MinimumPerClass"/>, is refused.</summary>
    public int MinimumRows { get; init; } = 200;

    public int MinimumPerClass { get; init; } = 30;

    public int Seed { get; init; } = 17;
}

public sealed record PropensityTraining(IScoringModel Model, byte[] Payload, PropensityMetrics Holdout, string Trainer)
{
    /// <summary>The holdout metrics before calibration (the classifier's own probabilities), when the model is calibrated.</summary>
    public PropensityMetrics? Uncalibrated { get; init; }

    /// <summary>How the probabilities were calibrated, in words (null when they were not).</summary>
    public string? Calibration { get; init; }
}

/// <summary>
/// Holdout quality: ranking (AUC), precision and recall at the threshold, and calibration (predicted against observed
/// rates per probability decile, and the Brier score).
/// </summary>
public sealed record PropensityMetrics(
    int Rows,
    int Positives,
    double Auc,
    double Threshold,
    double Precision,
    double Recall,
    double Brier,
    IReadOnlyList<CalibrationBin> Calibration);

public sealed record CalibrationBin(double From, double To, int Count, double MeanPredicted, double ObservedRate);

/// <summary>The data cannot support a meaningful model; the message says what is missing.</summary>
public sealed class InsufficientDataException(string message) : Exception(message);
