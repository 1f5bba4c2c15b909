using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Segments;
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
        // Assignment happens at the shared clock's time, which other tests of the collection move forward; the
        // purchases below are timed from it so that they fall inside the 7-day windows whatever ran before.
        var assignedAt = fixture.Clock.GetUtcNow();
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

        // The feed of an arm, as an ESP sync job reads it: each customer entered once, caused by its assignment.
        var feed = await fixture.Feed.ReadAsync(workspace, "exp-spring_sale-holdout", FeedCursor.Start, 10_000, ct);
        Assert.Equal(expected["holdout"].Order(StringComparer.Ordinal), feed.Changes.Select(c => c.CustomerId).Order(StringComparer.Ordinal));
        Assert.All(feed.Changes, c => Assert.True(c.Entered && c.Cause == MembershipCause.Experiment, $"{c.CustomerId}: {c.Cause}"));

        // Treatment customers buy at a multiple of 3, holdout customers at a multiple of 5 (whatever the arm, by id).
        var buyers = eligible.Where(i => i % 3 == 0 || i % 5 == 0).ToList();
        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([Purchase("p1", assignedAt.AddDays(1), 20), Purchase("p2", assignedAt.AddDays(2), i % 4 == 0 ? 10 : 0)]));
        // A retry of every purchase request, after every customer was deactivated, counts nothing twice.
        foreach (var i in buyers)
        {
            await fixture.Cluster.DeactivateAsync(Customer(workspace, i));
        }

        await Parallel.ForEachAsync(buyers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([Purchase("p1", assignedAt.AddDays(1), 20), Purchase("p2", assignedAt.AddDays(2), i % 4 == 0 ? 10 : 0)]));

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
        var totals = await fixture.ExperimentTotals.TotalsAsync(workspace, "spring_sale", ct);
        Assert.Equal(1, totals.Where(t => t.Metric is null).Sum(t => t.Customers));
    }

    [Fact]
    public async Task External_AnImportedSendLogAndOrders_GiveTheArmFiguresOfADirectComputation()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        const string schema = """
            { "event_types": [
                { "name": "experiment_assigned", "properties": [ { "name": "experiment", "type": "string" }, { "name": "arm", "type": "string" } ] },
                { "name": "purchase", "properties": [ { "name": "revenue", "type": "number" } ] } ] }
            """;
        Assert.True((await fixture.SegmentDefinitions.SaveSchemaAsync(workspace, schema, ct)).Succeeded);
        var definition = SpringSale with
        {
            Mode = AssignmentMode.External,
            Audience = null,
            Arms = [new ExperimentArm("a", 1), new ExperimentArm("b", 1), new ExperimentArm("control", 1, Control: true)],
            External = new ExternalAssignment("experiment_assigned"),
        };
        var created = await fixture.Experiments.CreateAsync(workspace, definition, ct);
        Assert.True(created.Succeeded, created.Problem);
        Assert.True((await fixture.Experiments.StartAsync(workspace, "spring_sale", null, ct)).Succeeded);
        await WaitUntilLiveAsync(workspace, "exp-spring_sale-a");

        // A send log of last month (customer i got arm i % 3, sent on day i % 10), then the orders: each customer buys
        // on days sent + (i % 12), which the 7-day windows count only when i % 12 < 7; some also bought before the send.
        string[] arms = ["a", "b", "control"];
        var rows = new List<(int Customer, string Arm, bool Converted, double Revenue)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var at = T0.AddDays(-30 + (i % 10));
            var revenue = 10.0 + (i % 7);
            var inWindow = i % 12 < 7;
            var customer = Customer(workspace, i);
            await customer.TrackAsync(
            [
                new CustomerEvent("send", "experiment_assigned", at, new Dictionary<string, PropertyValue> { ["experiment"] = PropertyValue.Of("spring_sale"), ["arm"] = PropertyValue.Of(arms[i % 3]) }),
                new CustomerEvent("resend", "experiment_assigned", at.AddDays(1), new Dictionary<string, PropertyValue> { ["experiment"] = PropertyValue.Of("spring_sale"), ["arm"] = PropertyValue.Of(arms[(i + 1) % 3]) }),
            ]);
            await customer.TrackAsync([Purchase("old", at.AddDays(-2), 99), Purchase("order", at.AddDays(i % 12), revenue)]);
            lock (rows)
            {
                rows.Add((i, arms[i % 3], inWindow, inWindow ? revenue : 0));
            }
        });

        var readout = await fixture.ExperimentResults.ReadAsync(workspace, "spring_sale", ct);
        foreach (var arm in arms)
        {
            var mine = rows.Where(r => r.Arm == arm).ToList();
            var conversion = readout!.Metrics[0].Results.Arms.Single(a => a.Arm == arm);
            var revenue = readout.Metrics[1].Results.Arms.Single(a => a.Arm == arm);
            Assert.Equal((mine.Count, mine.Count(r => r.Converted)), ((int)conversion.Customers, (int)conversion.Conversions));
            Assert.Equal(mine.Average(r => r.Revenue), revenue.RevenuePerCustomer!.Value, 9);
        }
    }

    [Fact]
    public async Task GlobalHoldout_ItsControlCustomersAreAssignedToNoOtherExperiment_TheRestAreAsUsual()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        var global = SpringSale with
        {
            Id = ExperimentNames.GlobalHoldout,
            Name = "Never messaged",
            Arms = [new ExperimentArm("messaged", 4), new ExperimentArm("holdout", 1, Control: true)],
            Salt = "global",
        };
        foreach (var definition in new[] { global, SpringSale })
        {
            Assert.True((await fixture.Experiments.CreateAsync(workspace, definition, ct)).Succeeded);
            Assert.True((await fixture.Experiments.StartAsync(workspace, definition.Id, null, ct)).Succeeded);
        }

        await WaitUntilLiveAsync(workspace, "exp-spring_sale");
        await WaitUntilLiveAsync(workspace, "exp-global_holdout");
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([new CustomerEvent("v", "page_viewed", T0, CustomerEvent.NoProperties)]));

        var heldOut = Enumerable.Range(0, 300).Where(i => ArmChooser.Choose(global, Id(i)).Control).Select(Id).ToHashSet();
        Assert.InRange(heldOut.Count, 30, 90); // a fifth of 300
        Assert.Equal(heldOut.Order(StringComparer.Ordinal), fixture.Journal.Members(workspace, "exp-global_holdout-holdout"));
        var inSpringSale = fixture.Journal.Members(workspace, "exp-spring_sale-treatment").Concat(fixture.Journal.Members(workspace, "exp-spring_sale-holdout")).ToHashSet();
        Assert.Equal(300 - heldOut.Count, inSpringSale.Count);
        Assert.Empty(inSpringSale.Intersect(heldOut));
    }

    private static CustomerEvent Purchase(string id, DateTimeOffset at, double revenue) =>
        new(id, "purchase", at, new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(revenue) });

    private async Task WaitUntilLiveAsync(string workspace, string segment) =>
        await Eventually.ReturnsAsync(() => fixture.Grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspace, segment)).GetStatsAsync(), s => s is { Status: SegmentStatus.Live }, TimeSpan.FromMinutes(3));

    private ICustomerGrain Customer(string workspace, int i) => fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, Id(i)));

    private static string Id(int i) => $"c{i:D5}";
}
