using System.Text.Json;
using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Segments;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Trains a propensity model from the journal: features rebuilt as of monthly cutoffs, labels from the window after
/// each, evaluated on the latest cutoff the data covers (a later, time-based holdout); stores the version with its
/// metrics, then scores every customer from the feature table and writes the scores back, each with the customer's
/// percentile among all (<see cref="PercentileScores"/>). The scores of that pass are stored with the version, so
/// customers rescoring themselves later, when their features change (see <see cref="ScoringModels"/>), get their
/// percentile against the same customers; a new version moves every percentile with its push.
/// </summary>
public sealed class PropensityJob(
    IJournalScan journal,
    FeatureTableScoring table,
    IModelStore models,
    IPropensityTrainer trainer,
    SegmentCatalog catalog,
    ModelOutputPusher pusher,
    FeatureWriter featureWriter,
    ScoringModels scoring,
    TimeProvider clock)
{
    private static readonly int[] ReportedPercentiles = [50, 80, 90, 95, 99];

    public async Task<int> TrainAsync(string workspaceId, string name, ModelJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var outcome = Outcomes.Find(name) ?? throw new ArgumentException($"'{name}' is not a propensity model.", nameof(name));
        var model = (await catalog.GetAsync(workspaceId, cancellationToken)).Model;

        progress.Phase(ModelJobPhases.ReadingJournal);
        var histories = await JournalHistories.ReadAsync(journal, workspaceId, cancellationToken);
        var (start, end) = JournalHistories.Span(histories);
        var cutoffs = PropensityCutoffs.Plan(start, end, outcome)
            ?? throw new InsufficientDataException($"{name} needs history spanning at least {(outcome.Window + TimeSpan.FromDays(60)).TotalDays:0} days (label window twice, plus a month before the first cutoff); the journal spans {Math.Max(0, end - start) / 86_400.0:0} days.");

        progress.Phase(ModelJobPhases.BuildingFeatures);
        var train = PointInTimeDataset.Build(histories, cutoffs.Training, outcome, model, cutoffs.Holdout, cancellationToken);
        var holdout = PointInTimeDataset.Build(histories, [cutoffs.Holdout], outcome, model, end, cancellationToken);

        progress.Phase(ModelJobPhases.Training);
        var trained = trainer.Train(train.ToPropensityDataset(), holdout.ToPropensityDataset(), new PropensityOptions(), cancellationToken);

        // Two passes over the feature table: the first learns the distribution of the scores, so that the second can
        // push each customer its percentile. Keeping every customer's id and score from the first pass instead would
        // hold tens of bytes per customer; its scores alone are 8.
        progress.Phase(ModelJobPhases.ScoringCustomers);
        await featureWriter.FlushAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var distribution = await table.DistributionAsync(workspaceId, trained.Model.Score, now, cancellationToken);
        var metrics = Metrics(trained, train, cutoffs, distribution);
        var version = await models.AddAsync(workspaceId, name, "propensity", metrics, trained.Payload, distribution, cancellationToken);
        await scoring.ReloadAsync(workspaceId);

        progress.Phase(ModelJobPhases.PushingScores);
        var outputId = $"{name}-v{version.Version}";
        await pusher.PushAsync(workspaceId, table.OutputsAsync(workspaceId, name, outputId, trained.Model.Score, distribution, now, progress, cancellationToken), progress.Pushed, cancellationToken);
        return version.Version;
    }

    private static string Metrics(PropensityTraining trained, PointInTimeDataset train, PropensityCutoffs cutoffs, ScoreDistribution? distribution)
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
            calibration = Bins(holdout),
            calibration_method = trained.Calibration,
            // The classifier's own probabilities on the same holdout, before calibration: what calibration changed.
            uncalibrated = trained.Uncalibrated is { } raw ? new { auc = raw.Auc, brier = raw.Brier, precision = raw.Precision, recall = raw.Recall, calibration = Bins(raw) } : null,
            feature_layout = CustomerFeatures.Version,
            features = trained.Model.Width,
            scored_customers = distribution?.Customers ?? 0,
            // The score a customer needs to be in the top 50/20/10/5/1%: percentile("name") >= 50/80/90/95/99.
            percentile_cuts = ReportedPercentiles.ToDictionary(p => $"p{p}", p => distribution?.CutAt(p)),
        });
    }

    private static IEnumerable<object> Bins(PropensityMetrics metrics) =>
        metrics.Calibration.Select(b => new { from = b.From, to = b.To, count = b.Count, predicted = b.MeanPredicted, observed = b.ObservedRate });
}
