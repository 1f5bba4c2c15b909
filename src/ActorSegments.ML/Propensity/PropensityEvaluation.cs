using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Propensity;

/// <summary>
/// Holdout metrics of predicted probabilities against outcomes, computed here rather than by ML.NET so that every
/// trainer is measured the same way and the definitions are the documented ones.
/// </summary>
public static class PropensityEvaluation
{
    /// <summary>Equal-width probability bins of the calibration table.</summary>
    public const int CalibrationBins = 10;

    public static PropensityMetrics Evaluate(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities for {labels.Count} labels.", nameof(labels));
        }

        int positives = 0, predicted = 0, hits = 0;
        double squares = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var actual = labels[i] ? 1.0 : 0.0;
            squares += (probabilities[i] - actual) * (probabilities[i] - actual);
            positives += labels[i] ? 1 : 0;
            if (probabilities[i] >= threshold)
            {
                predicted++;
                hits += labels[i] ? 1 : 0;
            }
        }

        return new PropensityMetrics(
            labels.Count,
            positives,
            Auc(probabilities, labels),
            threshold,
            Precision: predicted == 0 ? 0 : (double)hits / predicted,
            Recall: positives == 0 ? 0 : (double)hits / positives,
            Brier: labels.Count == 0 ? 0 : squares / labels.Count,
            Calibration(probabilities, labels));
    }

    /// <summary>
    /// The area under the ROC curve as the Mann-Whitney statistic: the share of (positive, negative) pairs the positive
    /// scores higher in, a tie counting half. NaN without both outcomes.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRanks = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                end++;
            }

            // Tied scores share the average of their ranks (1-based ranks start + 1 .. end).
            var rank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                if (labels[order[i]])
                {
                    positiveRanks += rank;
                    positives++;
                }
            }

            start = end;
        }

        var negatives = order.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (positiveRanks - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Predicted against observed rates in equal-width probability bins; empty bins are left out.</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new int[CalibrationBins];
        var predicted = new double[CalibrationBins];
        var observed = new int[CalibrationBins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Clamp((int)(probabilities[i] * CalibrationBins), 0, CalibrationBins - 1);
            counts[bin]++;
            predicted[bin] += probabilities[i];
            observed[bin] += labels[i] ? 1 : 0;
        }

        var bins = new List<CalibrationBin>();
        for (var b = 0; b < CalibrationBins; b++)
        {
            if (counts[b] > 0)
            {
                bins.Add(new CalibrationBin((double)b / CalibrationBins, (double)(b + 1) / CalibrationBins, counts[b], predicted[b] / counts[b], (double)observed[b] / counts[b]));
            }
        }

        return bins;
    }
}
