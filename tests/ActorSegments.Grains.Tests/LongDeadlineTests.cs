using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;

namespace ActorSegments.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class LongClockCollectionDefinition : ICollectionFixture<ClusterFixture>
{
    /// <summary>A cluster of its own: these tests move the clock by months, which would age every other test's customers.</summary>
    public const string Name = "cluster-long-clock";
}

[Collection(LongClockCollectionDefinition.Name)]
public sealed class LongDeadlineTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ADeadlineFurtherAwayThanAGrainTimerCanWait_IsStillMetExactly()
    {
        // Grain timers wait at most about 49 days; a 90-day window must neither fail the call nor miss its exit.
        var id = ($"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await fixture.Definitions.SaveAsync(id.Item1, "recent-buyers", "did(purchase, within 90d)", null, TestContext.Current.CancellationToken);
        var boughtAt = fixture.Clock.GetUtcNow();
        await fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(id.Item1, id.Item2))
            .TrackAsync([new CustomerEvent("p1", "purchase", boughtAt, CustomerEvent.NoProperties)]);

        // A 90-day window is answered to the day (the precision contract), so the exit is due at the start of a day.
        var deadline = fixture.Journal.WakeUp(id.Item1, id.Item2)!.Value;
        Assert.InRange(deadline, boughtAt.AddDays(89).ToUnixTimeSeconds(), boughtAt.AddDays(90).ToUnixTimeSeconds());
        await Deadlines.AssertExitsExactlyAtAsync(fixture, id, deadline, TimeSpan.FromMilliseconds(300), "recent-buyers");
    }
}
