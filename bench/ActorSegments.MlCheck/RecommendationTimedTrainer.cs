using System.Diagnostics;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// Passes trainings to the service's trainer and remembers how long the last one took and how many bytes it
/// allocated, so the check reports the cost of the model it evaluates without training it once more; and the sum
/// over every training, so a procedure that trains several models can be split into its trainings and the rest.
/// </summary>
internal sealed class RecommendationTimedTrainer(IRecommendationTrainer trainer) : IRecommendationTrainer
{
    public TimeSpan LastDuration { get; private set; }

    public long LastAllocatedBytes { get; private set; }

    public int Trainings { get; private set; }

    public TimeSpan TotalDuration { get; private set; }

    public long TotalAllocatedBytes { get; private set; }

    public IRecommendationModel Train(IEnumerable<ItemInteraction> interactions, RecommendationOptions options)
    {
        var rows = interactions.ToList();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var model = trainer.Train(rows, options);
        (LastDuration, LastAllocatedBytes) = (clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        (Trainings, TotalDuration, TotalAllocatedBytes) = (Trainings + 1, TotalDuration + LastDuration, TotalAllocatedBytes + LastAllocatedBytes);
        return model;
    }
}
