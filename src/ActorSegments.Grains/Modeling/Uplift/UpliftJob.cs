using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Features;
using ActorSegments.Grains.Segments;

namespace ActorSegments.Grains.Modeling.Uplift;

/// <summary>
/// Trains <c>uplift:{experiment}</c> on a randomized experiment's journal: each assigned customer's features as of its
/// assignment, its arm and whether it reached the primary goal within the window (<see cref="UpliftExamples"/>); a
/// customer split stratified by arm (<see cref="UpliftSplit"/>); a two-model uplift learner on one part and, on the
/// other, the Qini curve and uplift at k of its ranking against a plain propensity model of the goal and against
/// random targeting (<see cref="UpliftMetrics"/>). The version is stored with those figures, then every customer with
/// a feature row is scored and gets its uplift and its percentile, as a propensity model's are written.
/// </summary>
/// <remarks>
/// Customers are not rescored live as their features change: an uplift score answers "what would this message have
/// done for you at the experiment", and is refreshed by training again (a new version pushes everyone again).
/// </remarks>
public sealed class UpliftJob(
    IJournalScan journal,
    IExperimentStore experiments,
    IModelStore models,
    IUpliftTrainer trainer,
    IPropensityTrainer propensity,
    SegmentCatalog catalog,
    ModelOutputPusher pusher,
    FeatureWriter featureWriter,
    FeatureTableScoring scoring,
    TimeProvider clock)
{
    public async Task<int> TrainAsync(string workspaceId, string name, ModelJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var experimentId = UpliftModelName.ExperimentOf(name) ?? throw new ArgumentException($"'{name}' is not an uplift model name.", nameof(name));
        var stored = await experiments.FindExperimentAsync(workspaceId, experimentId, cancellationToken)
            ?? throw new InsufficientDataException($"There is no experiment '{experimentId}' to learn {name} from.");
        if (stored.Status == ExperimentStatus.Draft)
        {
            throw new InsufficientDataException($"Experiment '{experimentId}' has not started: it has no customers to learn {name} from.");
        }

        var model = (await catalog.GetAsync(workspaceId, cancellationToken)).Model;
        var experiment = CompiledExperiment.Compile(stored.Definition, model.Schema);

        progress.Phase(ModelJobPhases.ReadingJournal);
        var histories = await JournalHistories.ReadAsync(journal, workspaceId, cancellationToken);
        // A window is over when the clock has passed its end: the journal holds what happened until now.
        var dataEnd = clock.GetUtcNow().ToUnixTimeSeconds();

        progress.Phase(ModelJobPhases.BuildingFeatures);
        UpliftExamples examples;
        try
        {
            examples = UpliftExamples.Build(histories, experiment, model, dataEnd);
        }
        catch (ArgumentException ex)
        {
            throw new InsufficientDataException(ex.Message);
        }

        histories.Clear();
        var (train, evaluation) = UpliftSplit.Split(examples.Examples);

        progress.Phase(ModelJobPhases.Training);
        var trained = trainer.Train(UpliftExamples.ToDataset(train), UpliftExamples.ToDataset(evaluation), UpliftDefaults.Options, cancellationToken);
        var baseline = propensity.Train(UpliftExamples.ToDataset(train).IgnoringArm(), UpliftExamples.ToDataset(evaluation).IgnoringArm(), UpliftDefaults.Options, cancellationToken);

        progress.Phase(ModelJobPhases.Evaluating);
        var evaluated = UpliftEvaluation.Of(evaluation, trained.Model.Score, baseline.Model.Score);

        progress.Phase(ModelJobPhases.ScoringCustomers);
        await featureWriter.FlushAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var distribution = await scoring.DistributionAsync(workspaceId, trained.Model.Score, now, cancellationToken);
        var metrics = UpliftMetrics.Json(stored, examples, train.Count, trained, baseline.Trainer, evaluated, distribution);
        var version = await models.AddAsync(workspaceId, name, "uplift", metrics, trained.Payload, distribution, cancellationToken);

        progress.Phase(ModelJobPhases.PushingScores);
        var outputs = scoring.OutputsAsync(workspaceId, name, $"{name}-v{version.Version}", trained.Model.Score, distribution, now, progress, cancellationToken);
        await pusher.PushAsync(workspaceId, outputs, progress.Pushed, cancellationToken);
        return version.Version;
    }
}
