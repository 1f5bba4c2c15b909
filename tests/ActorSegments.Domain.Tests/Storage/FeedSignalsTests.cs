using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Tests.Storage;

public sealed class FeedSignalsTests
{
    [Fact]
    public void ASignal_WakesTheWaitersOfItsWorkspaceOnlyAndIsNotRemembered()
    {
        var signals = new FeedSignals();
        var first = signals.NextSignal("a");
        var same = signals.NextSignal("a");
        var other = signals.NextSignal("b");

        signals.Signal("a");
        var afterSignal = signals.NextSignal("a");

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Same(first, same);
        Assert.False(other.IsCompleted);
        Assert.False(afterSignal.IsCompleted);
    }

    [Fact]
    public void SignalAll_WakesEveryWorkspace()
    {
        var signals = new FeedSignals();
        var a = signals.NextSignal("a");
        var b = signals.NextSignal("b");

        signals.SignalAll();

        Assert.True(a.IsCompletedSuccessfully && b.IsCompletedSuccessfully);
    }
}
