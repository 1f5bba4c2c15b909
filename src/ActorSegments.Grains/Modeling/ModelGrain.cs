using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Modeling;
using ActorSegments.Grains.Modeling.Uplift;
using Microsoft.Extensions.Logging;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// A workspace's model trainings, one at a time, off the grain's turn (training is seconds to minutes of CPU). The
/// grain stays active while one runs and remembers the last one's outcome while active.
/// </summary>
[GrainType("models")]
public sealed partial class ModelGrain(PropensityJob propensity, RecommendationJob recommendations, UpliftJob uplift, TimeProvider clock, ILogger<ModelGrain> logger) : Grain, IModelGrain
{
    private static readonly TimeSpan LongestTraining = TimeSpan.FromHours(6);
    private ModelJobProgress? _progress;

    private string WorkspaceId => ModelingGrainKey.WorkspaceOf(ModelingGrainKey.ModelsPrefix, this.GetPrimaryKeyString());

    public Task<ModelJobStatus> TrainAsync(string name)
    {
        if (ModelNames.Problem(name) is { } problem)
        {
            throw new ArgumentException($"Cannot train '{name}': {problem}.", nameof(name));
        }

        if (_progress?.Current is { State: ModelJobState.Running } running)
        {
            return Task.FromResult(running);
        }

        var progress = new ModelJobProgress(new ModelJobStatus(name, ModelJobState.Running, clock.GetUtcNow(), null, 0, ModelJobPhases.Starting, 0, 0, null));
        _progress = progress;
        DelayDeactivation(LongestTraining);
        _ = RunAsync(name, progress);
        return Task.FromResult(progress.Current);
    }

    public Task<ModelJobStatus?> StatusAsync() => Task.FromResult(_progress?.Current);

    private async Task RunAsync(string name, ModelJobProgress progress)
    {
        var workspaceId = WorkspaceId;
        try
        {
            var version = await Task.Run(() => ModelNames.IsPropensity(name)
                ? propensity.TrainAsync(workspaceId, name, progress, CancellationToken.None)
                : ModelNames.IsUplift(name)
                    ? uplift.TrainAsync(workspaceId, name, progress, CancellationToken.None)
                    : recommendations.TrainAsync(workspaceId, progress, CancellationToken.None));
            progress.Update(s => s with { State = ModelJobState.Succeeded, Version = version, Phase = ModelJobPhases.Done, FinishedAt = clock.GetUtcNow() });
        }
        catch (Exception ex)
        {
            if (ex is not InsufficientDataException)
            {
                LogTrainingFailed(ex, name, workspaceId);
            }

            var problem = ex is InsufficientDataException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            progress.Update(s => s with { State = ModelJobState.Failed, Problem = problem, FinishedAt = clock.GetUtcNow() });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training {Model} of workspace {WorkspaceId} failed")]
    private partial void LogTrainingFailed(Exception exception, string model, string workspaceId);
}
