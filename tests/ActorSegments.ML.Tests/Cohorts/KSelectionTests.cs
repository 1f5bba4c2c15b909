using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Cohorts;

namespace ActorSegments.ML.Tests.Cohorts;

public sealed class KSelectionTests
{
    [Fact]
    public void Knee_SharpBend_IsTheBend()
    {
        // Inertia falls steeply to k = 4, then barely.
        KCandidate[] candidates = [new(2, 6, 0), new(3, 4, 0), new(4, 1, 0), new(5, 0.9, 0), new(6, 0.85, 0), new(7, 0.8, 0)];

        Assert.Equal(4, KSelection.Knee(candidates, 10));
    }

    [Fact]
    public void Knee_BendAtTheSmallestCandidate_SeenThanksToKOne()
    {
        KCandidate[] candidates = [new(3, 1, 0), new(4, 0.95, 0), new(5, 0.9, 0), new(6, 0.85, 0)];

        Assert.Equal(3, KSelection.Knee(candidates, 12));
    }

    [Fact]
    public void Knee_NoBend_IsTheSmallestCandidate()
    {
        // A straight line: every point is on the chord.
        KCandidate[] candidates = [new(2, 8, 0), new(3, 7, 0), new(4, 6, 0)];

        Assert.Equal(2, KSelection.Knee(candidates, 9));
    }

    [Fact]
    public void Choose_BetterSilhouetteBeforeTheKnee_NotTaken()
    {
        KCandidate[] candidates = [new(2, 6, 0.9), new(3, 4, 0.5), new(4, 1, 0.6), new(5, 0.9, 0.4), new(6, 0.85, 0.3)];

        Assert.Equal(4, KSelection.Choose(candidates, 10));
    }

    [Fact]
    public void Choose_BetterSilhouetteAfterTheKnee_Taken()
    {
        KCandidate[] candidates = [new(2, 6, 0.2), new(3, 4, 0.3), new(4, 1, 0.5), new(5, 0.9, 0.55), new(6, 0.85, 0.3)];

        Assert.Equal(5, KSelection.Choose(candidates, 10));
    }

    [Fact]
    public void Choose_TiedSilhouettes_SmallerK()
    {
        KCandidate[] candidates = [new(2, 1, 0.4), new(3, 0.9, 0.4), new(4, 0.8, 0.4)];

        Assert.Equal(2, KSelection.Choose(candidates, 10));
    }
}
