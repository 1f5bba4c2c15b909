using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;

namespace ActorSegments.Grains.Tests;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static CustomerEvent Event(string id, string type, DateTimeOffset at) => new(id, type, at, CustomerEvent.NoProperties);

    private static string NewCustomerKey() => CustomerGrainKey.Format("acme", $"c-{Guid.NewGuid():N}");

    [Fact]
    public async Task TrackAsync_Events_AreVisibleInTheProfile()
    {
        var key = NewCustomerKey();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(key);

        var result = await customer.TrackAsync([
            Event("e1", "product_viewed", T0),
            Event("e2", "product_viewed", T0.AddMinutes(1)),
            Event("e3", "purchase", T0.AddMinutes(2)),
        ]);
        var profile = await customer.GetProfileAsync();

        Assert.Equal(new TrackResult(3, 0), result);
        Assert.NotNull(profile);
        Assert.Equal(CustomerGrainKey.Parse(key), (profile.WorkspaceId, profile.CustomerId));
        Assert.Equal(3, profile.TotalEvents);
        Assert.Equal(
            [new EventTypeSummary("product_viewed", 2, T0, T0.AddMinutes(1)), new EventTypeSummary("purchase", 1, T0.AddMinutes(2), T0.AddMinutes(2))],
            profile.EventTypes);
    }

    [Fact]
    public async Task GetProfileAsync_CustomerWithoutEvents_ReturnsNull()
    {
        var profile = await fixture.Grains.GetGrain<ICustomerGrain>(NewCustomerKey()).GetProfileAsync();

        Assert.Null(profile);
    }

    [Fact]
    public async Task TrackAsync_RetriedEvents_AreAppliedOnce()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(NewCustomerKey());
        await customer.TrackAsync([Event("e1", "purchase", T0)]);

        var retry = await customer.TrackAsync([Event("e1", "purchase", T0), Event("e2", "purchase", T0.AddDays(1))]);

        Assert.Equal(new TrackResult(1, 1), retry);
        Assert.Equal(2, (await customer.GetProfileAsync())!.TotalEvents);
    }

    [Fact]
    public async Task State_SurvivesDeactivation_IncludingRecentEventIds()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(NewCustomerKey());
        await customer.TrackAsync([Event("e1", "email_opened", T0)]);

        await fixture.Cluster.DeactivateAsync(customer);
        var retry = await customer.TrackAsync([Event("e1", "email_opened", T0)]);

        Assert.Equal(new TrackResult(0, 1), retry);
        Assert.Equal(1, (await customer.GetProfileAsync())!.TotalEvents);
    }

    [Fact]
    public async Task TrackAsync_WriteFailsBeforeStoring_DropsTheChangeAndTheRetryAppliesOnce()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(NewCustomerKey());
        await customer.TrackAsync([Event("e1", "product_viewed", T0)]);

        FaultInjectingGrainStorage.FailNextWrite(customer.GetGrainId(), FaultInjectingGrainStorage.WriteFault.BeforeStoring);
        var failure = await Assert.ThrowsAsync<OrleansException>(() => customer.TrackAsync([Event("e2", "purchase", T0.AddHours(1))]));
        Assert.IsType<IOException>(failure.InnerException);
        var afterFailure = await customer.GetProfileAsync();
        var retry = await customer.TrackAsync([Event("e2", "purchase", T0.AddHours(1))]);

        Assert.Equal(1, afterFailure!.TotalEvents);
        Assert.DoesNotContain(afterFailure.EventTypes, t => t.Type == "purchase");
        Assert.Equal(new TrackResult(1, 0), retry);
        Assert.Equal(2, (await customer.GetProfileAsync())!.TotalEvents);
    }

    [Fact]
    public async Task TrackAsync_WriteStoredButAnswerLost_RetryIsRecognizedAsDuplicate()
    {
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(NewCustomerKey());
        await customer.TrackAsync([Event("e1", "product_viewed", T0)]);

        FaultInjectingGrainStorage.FailNextWrite(customer.GetGrainId(), FaultInjectingGrainStorage.WriteFault.AfterStoring);
        var failure = await Assert.ThrowsAsync<OrleansException>(() => customer.TrackAsync([Event("e2", "purchase", T0.AddHours(1))]));
        Assert.IsType<IOException>(failure.InnerException);
        var retry = await customer.TrackAsync([Event("e2", "purchase", T0.AddHours(1))]);

        var next = await customer.TrackAsync([Event("e3", "purchase", T0.AddHours(2))]);

        Assert.Equal(new TrackResult(0, 1), retry);
        Assert.Equal(new TrackResult(1, 0), next);
        var profile = await customer.GetProfileAsync();
        Assert.Equal(3, profile!.TotalEvents);
        Assert.Equal(2, profile.EventTypes.Single(t => t.Type == "purchase").Count);
    }
}
