using System.Diagnostics.Metrics;
using ActorSegments.WebConsole.Metrics;

namespace ActorSegments.Console.Tests;

public sealed class IngestRateTests
{
    [Fact]
    public void IngestRate_CountsAppliedEventsOnlyWhileWatched()
    {
        using var meter = new Meter($"ActorSegments.Test.{Guid.NewGuid():N}");
        var applied = meter.CreateCounter<long>(IngestRate.AppliedInstrument);
        using var rate = new IngestRate();

        applied.Add(7);
        var watching = rate.Watch();
        applied.Add(5);
        applied.Add(2);
        watching.Dispose();
        applied.Add(100);

        Assert.Equal(7, rate.Applied);
    }

    [Fact]
    public void IngestRate_TwoWatchers_KeepsCountingUntilTheLastStops()
    {
        using var meter = new Meter($"ActorSegments.Test.{Guid.NewGuid():N}");
        var applied = meter.CreateCounter<long>(IngestRate.AppliedInstrument);
        using var rate = new IngestRate();

        var first = rate.Watch();
        var second = rate.Watch();
        first.Dispose();
        first.Dispose();
        applied.Add(3);
        second.Dispose();
        applied.Add(4);

        Assert.Equal(3, rate.Applied);
    }
}
