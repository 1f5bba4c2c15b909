using System.Runtime.CompilerServices;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Scores every customer of the feature table, each row brought forward to the same moment, scores rounded to 4
/// decimals as every model output is (propensity and uplift jobs alike). Read twice by a job: once for the distribution of the scores, once to push each
/// customer its score and percentile, so no customer's score is held in between.
/// </summary>
public sealed class FeatureTableScoring(IFeatureStore features)
{
    public async IAsyncEnumerable<(string CustomerId, double Score)> ScoresAsync(string workspaceId, RowScore score, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        var seconds = now.ToUnixTimeSeconds();
        await foreach (var row in features.ReadAllAsync(workspaceId, cancellationToken))
        {
            yield return (row.CustomerId, Math.Round(score(row.AgedTo(seconds).Values), 4));
        }
    }

    /// <summary>Every customer's score, as counts per distinct value; null when the table is empty.</summary>
    public async Task<ScoreDistribution?> DistributionAsync(string workspaceId, RowScore score, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scores = new List<double>();
        await foreach (var (_, value) in ScoresAsync(workspaceId, score, now, cancellationToken))
        {
            scores.Add(value);
        }

        return ScoreDistribution.Of(scores);
    }

    /// <summary>Each customer's output: the score named <paramref name="name"/> and its percentile in <paramref name="distribution"/>.</summary>
    public async IAsyncEnumerable<(string CustomerId, ModelOutput Outputs)> OutputsAsync(
        string workspaceId,
        string name,
        string outputId,
        RowScore score,
        ScoreDistribution? distribution,
        DateTimeOffset now,
        ModelJobProgress progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        long customers = 0;
        await foreach (var (customerId, value) in ScoresAsync(workspaceId, score, now, cancellationToken))
        {
            progress.Update(s => s with { Customers = ++customers });
            yield return (customerId, new ModelOutput(outputId, now) { Scores = ScoringModel.Outputs(name, value, distribution) });
        }
    }
}
