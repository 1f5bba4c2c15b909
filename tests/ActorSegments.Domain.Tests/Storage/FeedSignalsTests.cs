using ActorSegments.Domain.Storage;

namespace ActorSegments.Domain.Tests.Storage;

public sealed class FeedSignalsTests
{
    [Fact]
    public void A_signal_wakes_the_waiters_of_its_workspace_only_and_is_not_remembered()
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
    public void SignalAll_wakes_every_workspace()
    {
        var signals = new FeedSignals();
        var a = signals.NextSignal("a");
        var b = signals.NextSignal("b");

        signals.SignalAll();

        Assert.True(a.IsCompletedSuccessfully && b.IsCompletedSuccessfully);
    }
}
