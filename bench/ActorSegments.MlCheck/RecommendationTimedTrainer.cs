using System.Diagnostics;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// Passes trainings to the service's trainer and remembers how long the last one took and how many bytes it
/// allocated, so the check reports the cost of the model it evaluates without training it once more.
/// </summary>
internal sealed class RecommendationTimedTrainer(IRecommendationTrainer trainer) : IRecommendationTrainer
{
    public TimeSpan LastDuration { get; private set; }

    public long LastAllocatedBytes { get; private set; }

    public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        var rows = interactions.ToList();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var model = trainer.Train(rows, options);
        (LastDuration, LastAllocatedBytes) = (clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        return model;
    }
}
