namespace ActorSegments.ML.Propensity;

/// <summary>
/// Maps a classifier's probabilities to observed rates with isotonic regression (pool adjacent violators), fitted on
/// predictions for rows the classifier did not learn from. Between the fitted blocks the map is linear, through each
/// block's mean score and observed rate, so distinct scores stay distinct (strictly increasing inside the fitted range)
/// and the ranking, hence the AUC, is kept; beyond the range it is flat.
/// </summary>
public sealed class IsotonicCalibrator
{
    private readonly float[] _scores;
    private readonly float[] _rates;

    public IsotonicCalibrator(IReadOnlyList<(float Score, float Rate)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("A calibrator needs at least one point.", nameof(points));
        }

        _scores = [.. points.Select(p => p.Score)];
        _rates = [.. points.Select(p => p.Rate)];
        for (var i = 1; i < _scores.Length; i++)
        {
            if (_scores[i] <= _scores[i - 1] || _rates[i] < _rates[i - 1])
            {
                throw new ArgumentException("Calibration points must increase in score and not decrease in rate.", nameof(points));
            }
        }
    }

    public IReadOnlyList<(float Score, float Rate)> Points => [.. _scores.Zip(_rates)];

    /// <summary>Fits the map to <paramref name="scores"/> and their outcomes.</summary>
    public static IsotonicCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count || scores.Count == 0)
        {
            throw new ArgumentException($"{scores.Count} scores for {labels.Count} labels; at least one of each is needed.", nameof(labels));
        }

        // Blocks of (score sum, positives, rows); equal scores start as one block.
        var blocks = new List<(double Sum, double Positives, int Rows)>();
        var previous = double.NaN;
        foreach (var i in Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]))
        {
            var label = labels[i] ? 1.0 : 0.0;
            // In score order, a score equal to the previous one is in the last block (merges only ever join the last).
            if (scores[i] == previous)
            {
                var last = blocks[^1];
                blocks[^1] = (last.Sum + scores[i], last.Positives + label, last.Rows + 1);
            }
            else
            {
                blocks.Add((scores[i], label, 1));
            }

            previous = scores[i];

            // Pool adjacent violators: merge while the previous block's rate is not below the last one's.
            while (blocks.Count > 1 && blocks[^2].Positives / blocks[^2].Rows >= blocks[^1].Positives / blocks[^1].Rows)
            {
                var (a, b) = (blocks[^2], blocks[^1]);
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (a.Sum + b.Sum, a.Positives + b.Positives, a.Rows + b.Rows);
            }
        }

        var points = new List<(float, float)>(blocks.Count);
        foreach (var (sum, positives, rows) in blocks)
        {
            var score = (float)(sum / rows);
            // Merged blocks can share a mean score to float precision: keep the later (higher-rate) one.
            if (points.Count > 0 && points[^1].Item1 >= score)
            {
                points.RemoveAt(points.Count - 1);
            }

            points.Add((score, (float)(positives / rows)));
        }

        return new IsotonicCalibrator(points);
    }

    public double Apply(double score)
    {
        if (double.IsNaN(score) || score <= _scores[0])
        {
            return _rates[0];
        }

        if (score >= _scores[^1])
        {
            return _rates[^1];
        }

        var upper = Array.BinarySearch(_scores, (float)score);
        upper = upper >= 0 ? upper : ~upper;
        if (upper == 0)
        {
            return _rates[0];
        }

        var (x0, x1, y0, y1) = (_scores[upper - 1], _scores[upper], _rates[upper - 1], _rates[upper]);
        return y0 + ((y1 - y0) * (score - x0) / (x1 - x0));
    }
}
