using ActorSegments.Server.Configuration;
using ActorSegments.Server.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Server.Tests;

/// <summary>The stop sequence on a fake clock: not-ready while still serving, then refusing, then waiting for the calls in flight.</summary>
public sealed class ServingGateTests
{
    private static readonly TimeSpan ReadinessDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_ReportsNotReady_KeepsServingThroughTheReadinessDelay_ThenRefuses_AndEndsWhenTheLastCallLeaves()
    {
        var (gate, clock, drain) = Create();
        Assert.True(gate.TryEnter()); // a call in flight when the stop begins

        var stopping = drain.StoppingAsync(TestContext.Current.CancellationToken);

        Assert.False(gate.IsReady);
        Assert.True(gate.TryEnter(), "during the readiness delay new calls are still served");
        gate.Leave();

        clock.Advance(ReadinessDelay);
        await WhenCancelledAsync(gate.Refusing);
        Assert.False(gate.TryEnter());
        Assert.False(stopping.IsCompleted, "the stop waits for the call in flight");

        gate.Leave();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task Stopping_GivesUpOnCallsStillInFlightAfterTheDrainTimeout()
    {
        var (gate, clock, drain) = Create();
        Assert.True(gate.TryEnter());

        var stopping = drain.StoppingAsync(TestContext.Current.CancellationToken);
        clock.Advance(ReadinessDelay);
        await WhenCancelledAsync(gate.Refusing);
        clock.Advance(DrainTimeout);

        await stopping.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, gate.InFlight);
    }

    [Fact]
    public async Task AGateWithNothingInFlight_DrainsAtOnceAndAdmitsNothingAfter()
    {
        using var gate = new ServingGate();
        Assert.True(await gate.RefuseAndDrainAsync(DrainTimeout, new FakeTimeProvider(), TestContext.Current.CancellationToken));
        Assert.False(gate.TryEnter());
        Assert.Equal(0, gate.InFlight);
    }

    private static (ServingGate Gate, FakeTimeProvider Clock, DrainOnStop Drain) Create()
    {
        var gate = new ServingGate();
        var clock = new FakeTimeProvider();
        var options = Options.Create(new ShutdownOptions { ReadinessDelay = ReadinessDelay, DrainTimeout = DrainTimeout });
        return (gate, clock, new DrainOnStop(gate, options, clock, NullLogger<DrainOnStop>.Instance));
    }

    private static async Task WhenCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
