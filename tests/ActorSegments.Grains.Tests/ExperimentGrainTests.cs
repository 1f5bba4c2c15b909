using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Testing;

namespace ActorSegments.Grains.Tests;

/// <summary>Randomized experiments through the customer grains: assignment, arms as segments, outcomes and totals.</summary>
[Collection(ClusterCollectionDefinition.Name)]
public sealed class ExperimentGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = ClusterFixture.Start;

    private static ExperimentDefinition SpringSale => new(
        "spring_sale",
        "Spring sale",
        "email",
        AssignmentMode.Randomized,
        "did(page_viewed)",
        [new ExperimentArm("treatment", 3), new ExperimentArm("holdout", 1, Control: true)],
        [new ExperimentMetric("purchase_7d", MetricKind.Conversion, "purchase", "revenue > 0", null, 7), new ExperimentMetric("revenue_7d", MetricKind.Revenue, "purchase", null, "revenue", 7)],
        "spring_sale");

    [Fact]
    public async Task Start_ExistingCustomersMatchingTheAudience_AreAssignedByTheHash_ArmsAreSegments_AndTotalsCountThem()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        const int customers = 600;
        // Even customers viewed a page (the audience); odd ones only searched.
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([new CustomerEvent("first", i % 2 == 0 ? "page_viewed" : "search", T0, CustomerEvent.NoProperties)]));

        Assert.True((await fixture.Experiments.CreateAsync(workspace, SpringSale, ct)).Succeeded);
        var started = await fixture.Experiments.StartAsync(workspace, "spring_sale", null, ct);
        Assert.True(started.Succeeded, started.Problem);
        foreach (var segment in new[] { "exp-spring_sale", "exp-spring_sale-treatment", "exp-spring_sale-holdout" })
        {
            await WaitUntilLiveAsync(workspace, segment);
        }

        var eligible = Enumerable.Range(0, customers).Where(i => i % 2 == 0).ToList();
        var expected = eligible.ToLookup(i => ArmChooser.Choose(SpringSale, Id(i)).Name, i => Id(i));
        Assert.Equal(expected["treatment"].Order(StringComparer.Ordinal), fixture.Journal.Members(workspace, "exp-spring_sale-treatment"));
        Assert.Equal(expected["holdout"].Order(StringComparer.Ordinal), fixture.Journal.Members(workspace, "exp-spring_sale-holdout"));
        Assert.InRange(expected["treatment"].Count(), 180, 270); // 3:1 of 300, far from either end

        // Treatment customers buy at a multiple of 3, holdout customers at a multiple of 5 (whatever the arm, by id).
        var buyers = eligible.Where(i => i % 3 == 0 || i % 5 == 0).ToList();
        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([Purchase("p1", T0.AddDays(1), 20), Purchase("p2", T0.AddDays(2), i % 4 == 0 ? 10 : 0)]));
        // A retry of every purchase request, after every customer was deactivated, counts nothing twice.
        foreach (var i in buyers)
        {
            await fixture.Cluster.DeactivateAsync(Customer(workspace, i));
        }

        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([Purchase("p1", T0.AddDays(1), 20), Purchase("p2", T0.AddDays(2), i % 4 == 0 ? 10 : 0)]));

        var readout = await fixture.ExperimentResults.ReadAsync(workspace, "spring_sale", ct);
        Assert.NotNull(readout);
        foreach (var arm in new[] { "treatment", "holdout" })
        {
            var members = expected[arm].ToHashSet();
            var armBuyers = buyers.Where(i => members.Contains(Id(i))).ToList();
            var reach = readout.Reach.Single(r => r.Arm == arm);
            Assert.Equal((members.Count, (long)members.Count), ((int)reach.Assigned, reach.Targeted));
            var conversion = readout.Metrics[0].Results.Arms.Single(a => a.Arm == arm);
            Assert.Equal((members.Count, armBuyers.Count), ((int)conversion.Customers, (int)conversion.Conversions));
            var revenue = readout.Metrics[1].Results.Arms.Single(a => a.Arm == arm);
            var direct = armBuyers.Sum(i => 20.0 + (i % 4 == 0 ? 10 : 0)) / members.Count;
            Assert.Equal(direct, revenue.RevenuePerCustomer!.Value, 9);
        }
    }

    [Fact]
    public async Task Track_ANewCustomerEnteringTheAudience_IsAssignedInTheSameCall_AndStaysInItsArmAfterLeavingIt()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        var definition = SpringSale with { Audience = "count(page_viewed, within 1d) >= 1" };
        Assert.True((await fixture.Experiments.CreateAsync(workspace, definition, ct)).Succeeded);
        Assert.True((await fixture.Experiments.StartAsync(workspace, "spring_sale", null, ct)).Succeeded);
        await WaitUntilLiveAsync(workspace, "exp-spring_sale");
        var customer = Customer(workspace, 7);
        var arm = ArmChooser.Choose(definition, Id(7)).Name;

        await customer.TrackAsync([new CustomerEvent("v", "page_viewed", fixture.Clock.GetUtcNow(), CustomerEvent.NoProperties)]);
        var profile = await customer.GetProfileAsync();
        Assert.Contains($"exp-spring_sale-{arm}", profile!.Segments.Select(s => s.SegmentId));

        // Two days on, the customer has left the audience; its arm stays.
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await customer.WakeAsync();
        await fixture.Cluster.DeactivateAsync(customer);
        var later = await customer.GetProfileAsync();
        Assert.DoesNotContain("exp-spring_sale", later!.Segments.Select(s => s.SegmentId));
        Assert.Contains($"exp-spring_sale-{arm}", later.Segments.Select(s => s.SegmentId));
        var totals = await fixture.Journal.TotalsAsync(workspace, "spring_sale", ct);
        Assert.Equal(1, totals.Where(t => t.Metric is null).Sum(t => t.Customers));
    }

    private static CustomerEvent Purchase(string id, DateTimeOffset at, double revenue) =>
        new(id, "purchase", at, new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(revenue) });

    private async Task WaitUntilLiveAsync(string workspace, string segment) =>
        await Eventually.ReturnsAsync(() => fixture.Grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspace, segment)).GetStatsAsync(), s => s is { Status: SegmentStatus.Live }, TimeSpan.FromMinutes(3));

    private ICustomerGrain Customer(string workspace, int i) => fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, Id(i)));

    private static string Id(int i) => $"c{i:D5}";
}
