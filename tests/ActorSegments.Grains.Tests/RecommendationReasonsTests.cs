using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;

namespace ActorSegments.Grains.Tests;

/// <summary>
/// The reasons a recommendation job gives reach the customer with its items (across silos), are read back after
/// deactivation from the journal and snapshot, and go when a later output brings items without reasons.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class RecommendationReasonsTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = ClusterFixture.Start;

    [Fact]
    public async Task ModelOutputWithReasons_SurvivesDeactivationBesideItsItems()
    {
        var customer = fixture.Grains.GetCustomer($"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await customer.TrackAsync([new CustomerEvent("e1", "product_viewed", T0, CustomerEvent.NoProperties)]);

        await customer.ApplyModelOutputsAsync(new ModelOutput("recs-1", T0) { Recommendations = ["p-2", "p-9"], RecommendationReasons = ["popular in Kitchen", ""] });
        await fixture.Cluster.DeactivateAsync(customer);
        var profile = await customer.GetProfileAsync();

        Assert.Equal(["p-2", "p-9"], profile!.Recommendations);
        Assert.Equal(["popular in Kitchen", ""], profile.RecommendationReasons);
    }

    [Fact]
    public async Task LaterOutputWithoutReasons_ClearsTheReasonsAfterDeactivationToo()
    {
        var customer = fixture.Grains.GetCustomer($"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await customer.TrackAsync([new CustomerEvent("e1", "product_viewed", T0, CustomerEvent.NoProperties)]);
        await customer.ApplyModelOutputsAsync(new ModelOutput("recs-1", T0) { Recommendations = ["p-2"], RecommendationReasons = ["popular now"] });

        await customer.ApplyModelOutputsAsync(new ModelOutput("recs-2", T0) { Recommendations = ["p-4", "p-5"] });
        await fixture.Cluster.DeactivateAsync(customer);
        var profile = await customer.GetProfileAsync();

        Assert.Equal(["p-4", "p-5"], profile!.Recommendations);
        Assert.Empty(profile.RecommendationReasons);
    }
}
