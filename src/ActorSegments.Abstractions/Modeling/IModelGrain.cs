namespace ActorSegments.Abstractions.Modeling;

/// <summary>
/// A workspace's trained models (key from <see cref="ModelingGrainKey.Models"/>): trains one model at a time in the
/// background, stores the version with its metrics and writes the outputs back to customers. Versions are read from
/// the model store.
/// </summary>
[Alias("actorsegments.models")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Starts training the named model (see <see cref="ModelNames"/>) unless a training is running; returns its status.</summary>
    [Alias("train")]
    Task<ModelJobStatus> TrainAsync(string name);

    /// <summary>The running or the last finished training of this activation, or null when there was none.</summary>
    [Alias("status")]
    Task<ModelJobStatus?> StatusAsync();
}
