using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Segments;
using ActorSegments.Grains.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Grains.Tests.Modeling;

/// <summary>
/// What models compute reaches customers as journal records: segments on cohorts and scores follow at once, a job's
/// retry is applied once, the outputs survive deactivation, and every behavioral change rewrites the feature row.
/// </summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ModelOutputTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = ClusterFixture.Start;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACohortAndScoreWriteBack_MovesSegmentsOnceAndSurvivesDeactivation()
    {
        var (workspace, customerId) = ($"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await fixture.Definitions.SaveAsync(workspace, "cohort-2", "cohort = \"cohort-2\"", null, Ct);
        await fixture.Definitions.SaveAsync(workspace, "likely-buyers", "score(\"purchase_30d\") > 0.8", null, Ct);
        var customer = fixture.Grains.GetCustomer(workspace, customerId);
        await customer.TrackAsync([new CustomerEvent("e1", "product_viewed", T0, CustomerEvent.NoProperties)]);

        var outputs = new ModelOutput("cohort-run-7", T0) { Cohort = "cohort-2", Scores = [new("purchase_30d", 0.91)], Recommendations = ["p-2", "p-9"] };
        var first = await customer.ApplyModelOutputsAsync(outputs);
        var retried = await customer.ApplyModelOutputsAsync(outputs);
        await fixture.Cluster.DeactivateAsync(customer);
        var profile = await customer.GetProfileAsync();

        Assert.Equal((true, false), (first, retried));
        Assert.Equal("cohort-2", profile!.Cohort);
        Assert.Equal(0.91, profile.Scores["purchase_30d"]);
        Assert.Equal(["p-2", "p-9"], profile.Recommendations);
        Assert.Equal(["cohort-2", "likely-buyers"], profile.Segments.Select(s => s.SegmentId).Order(StringComparer.Ordinal));
        var entered = fixture.Journal.Log.Where(r => r.WorkspaceId == workspace && r.Change.Entered).Select(r => r.Change).ToList();
        Assert.Equal(2, entered.Count);
        Assert.All(entered, c => Assert.Equal(MembershipCause.Model, c.Cause));
        Assert.Equal(2, fixture.Journal.Entries(workspace, customerId).Count);

        // A later output replaces the cohort and clears the recommendations; the segment is left.
        await customer.ApplyModelOutputsAsync(new ModelOutput("cohort-run-8", T0) { Cohort = "cohort-5", Recommendations = [] });
        var moved = await customer.GetProfileAsync();
        Assert.Equal(("cohort-5", 0), (moved!.Cohort, moved.Recommendations.Length));
        Assert.DoesNotContain(moved.Segments, s => s.SegmentId == "cohort-2");
    }

    [Fact]
    public async Task BehavioralEvents_RewriteTheFeatureRowAndModelOutputsDoNot()
    {
        var (workspace, customerId) = ($"ws-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        var customer = fixture.Grains.GetCustomer(workspace, customerId);
        var purchase = new CustomerEvent("p1", "purchase", T0, new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(40) });

        await customer.TrackAsync([purchase, new CustomerEvent("p2", "purchase", T0.AddDays(1), new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(60) })]);
        await FlushFeaturesAsync();
        var row = await SingleRowAsync(workspace);
        await customer.ApplyModelOutputsAsync(new ModelOutput("run-1", T0) { Cohort = "cohort-1" });
        var pendingAfterOutputs = fixture.Cluster.Silos.Sum(s => s.ServiceProvider.GetRequiredService<FeatureWriter>().Pending);

        Assert.Equal(customerId, row.CustomerId);
        Assert.Equal(2, row.Values[CustomerFeatures.IndexOf("frequency")]);
        Assert.Equal(100, row.Values[CustomerFeatures.IndexOf("monetary")]);
        Assert.Equal(50, row.Values[CustomerFeatures.IndexOf("avg_order_value")]);
        Assert.Equal(0, pendingAfterOutputs);
    }

    private async Task FlushFeaturesAsync()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            await silo.ServiceProvider.GetRequiredService<FeatureWriter>().FlushAsync(Ct);
        }
    }

    private async Task<FeatureRow> SingleRowAsync(string workspace)
    {
        var rows = new List<FeatureRow>();
        await foreach (var row in fixture.Features.ReadAllAsync(workspace, Ct))
        {
            rows.Add(row);
        }

        return Assert.Single(rows);
    }
}
