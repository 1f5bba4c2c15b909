using System.Text.Json;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Segments;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Trains a propensity model from the journal: features rebuilt as of monthly cutoffs, labels from the window after
/// each, evaluated on the latest cutoff the data covers (a later, time-based holdout); stores the version with its
/// metrics, then scores every customer from the feature table and writes the scores back. From then on customers
/// rescore themselves when their features change (see <see cref="ScoringModels"/>).
/// </summary>
public sealed class PropensityJob(
    IJournalScan journal,
    IFeatureStore features,
    IModelStore models,
    IPropensityTrainer trainer,
    SegmentCatalog catalog,
    ModelOutputPusher pusher,
    FeatureWriter featureWriter,
    ScoringModels scoring,
    TimeProvider clock)
{
    public async Task<int> TrainAsync(string workspaceId, string name, ModelJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var outcome = Outcomes.Find(name) ?? throw new ArgumentException($"'{name}' is not a propensity model.", nameof(name));
        var model = (await catalog.GetAsync(workspaceId, cancellationToken)).Model;

        progress.Phase("reading journal");
        var histories = await JournalHistories.ReadAsync(journal, workspaceId, cancellationToken);
        var (start, end) = JournalHistories.Span(histories);
        var cutoffs = PropensityCutoffs.Plan(start, end, outcome)
            ?? throw new InsufficientDataException($"{name} needs history spanning at least {(outcome.Window + TimeSpan.FromDays(60)).TotalDays:0} days (label window twice, plus a month before the first cutoff); the journal spans {Math.Max(0, end - start) / 86_400.0:0} days.");

        progress.Phase("building point-in-time features");
        var train = PointInTimeDataset.Build(histories, cutoffs.Training, outcome, model, cutoffs.Holdout, cancellationToken);
        var holdout = PointInTimeDataset.Build(histories, [cutoffs.Holdout], outcome, model, end, cancellationToken);

        progress.Phase("training");
        var trained = trainer.Train(train.ToPropensityDataset(), holdout.ToPropensityDataset(), new PropensityOptions(), cancellationToken);
        var metrics = Metrics(trained, train, cutoffs);
        var version = await models.AddAsync(workspaceId, name, "propensity", metrics, trained.Payload, cancellationToken);
        await scoring.ReloadAsync(workspaceId);

        progress.Phase("scoring customers");
        await featureWriter.FlushAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var outputId = $"{name}-v{version.Version}";
        await pusher.PushAsync(workspaceId, Scores(workspaceId, name, trained.Model, outputId, now, progress, cancellationToken), progress.Pushed, cancellationToken);
        return version.Version;
    }

    private async IAsyncEnumerable<(string, ModelOutput)> Scores(string workspaceId, string name, IScoringModel model, string outputId, DateTimeOffset now, ModelJobProgress progress, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seconds = now.ToUnixTimeSeconds();
        long customers = 0;
        await foreach (var row in features.ReadAllAsync(workspaceId, cancellationToken))
        {
            progress.Update(s => s with { Customers = ++customers });
            var score = Math.Round(model.Score(row.AgedTo(seconds).Values), 4);
            yield return (row.CustomerId, new ModelOutput(outputId, now) { Scores = [new(name, score)] });
        }
    }

    private static string Metrics(PropensityTraining trained, PointInTimeDataset train, PropensityCutoffs cutoffs)
    {
        var holdout = trained.Holdout;
        return JsonSerializer.Serialize(new
        {
            trainer = trained.Trainer,
            auc = holdout.Auc,
            threshold = holdout.Threshold,
            precision = holdout.Precision,
            recall = holdout.Recall,
            brier = holdout.Brier,
            holdout_rows = holdout.Rows,
            holdout_positives = holdout.Positives,
            train_rows = train.Rows.Count,
            train_positives = train.Positives,
            holdout_cutoff = DateTimeOffset.FromUnixTimeSeconds(cutoffs.Holdout),
            training_cutoffs = cutoffs.Training.Select(DateTimeOffset.FromUnixTimeSeconds),
            calibration = holdout.Calibration.Select(b => new { from = b.From, to = b.To, count = b.Count, predicted = b.MeanPredicted, observed = b.ObservedRate }),
        });
    }
}
