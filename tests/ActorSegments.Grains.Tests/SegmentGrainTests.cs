using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Storage;
using ActorSegments.Testing;

namespace ActorSegments.Grains.Tests;

[Collection(ClusterCollectionDefinition.Name)]
public sealed class SegmentGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = ClusterFixture.Start;

    [Fact]
    public async Task Backfill_NewSegmentOverExistingCustomers_ConvergesToTheOracle_AndAnEditRemovesStaleMembers()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        const int customers = 10_000;
        // Customer i viewed i % 7 products: the oracle for "at least n views" is i % 7 >= n.
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var views = Enumerable.Range(0, (i % 7) + 1).Select(v => new CustomerEvent($"e{v}", v == 0 ? "page_viewed" : "product_viewed", T0.AddMinutes(v), CustomerEvent.NoProperties));
            await Customer(workspace, i).TrackAsync([.. views]);
        });

        var created = await fixture.SegmentDefinitions.SaveAsync(workspace, "viewers", "count(product_viewed) >= 3", null, TestContext.Current.CancellationToken);
        Assert.True(created.Succeeded);
        var live = await WaitUntilLiveAsync(workspace, "viewers", version: 1);

        var expected = Enumerable.Range(0, customers).Where(i => i % 7 >= 3).Select(Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, fixture.Journal.Members(workspace, "viewers"));
        Assert.Equal((customers, (long)customers, (long)expected.Count), (live.BackfillDone, live.BackfillTotal, live.Members));

        var edited = await fixture.SegmentDefinitions.SaveAsync(workspace, "viewers", "count(product_viewed) >= 5", expectedVersion: 1, TestContext.Current.CancellationToken);
        Assert.True(edited.Succeeded);
        var relive = await WaitUntilLiveAsync(workspace, "viewers", version: 2);

        var stillExpected = Enumerable.Range(0, customers).Where(i => i % 7 >= 5).Select(Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(stillExpected, fixture.Journal.Members(workspace, "viewers"));
        Assert.Equal(stillExpected.Count, relive.Members);
        Assert.Equal(relive.Members, await Segment(workspace, "viewers").RecountAsync());
    }

    [Fact]
    public async Task Backfill_Resumed_ContinuesAfterTheLastRecordedCustomer()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        await Parallel.ForEachAsync(Enumerable.Range(0, 3000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await Customer(workspace, i).TrackAsync([new CustomerEvent("p", "purchase", T0, CustomerEvent.NoProperties)]));

        // As a silo failure leaves it: saved, a third done, the last evaluated customer recorded.
        await fixture.Definitions.SaveAsync(workspace, "buyers", "did(purchase)", null, ct);
        await fixture.Definitions.SetProgressAsync(workspace, "buyers", 1, SegmentStatus.Backfilling, 1000, 3000, Id(999), ct);
        await Segment(workspace, "buyers").StartBackfillAsync(1);
        var live = await WaitUntilLiveAsync(workspace, "buyers", version: 1);

        // Only the customers after the recorded one were evaluated by the resumed backfill, each once.
        Assert.Equal(Enumerable.Range(1000, 2000).Select(Id), fixture.Journal.Members(workspace, "buyers"));
        Assert.Equal((3000L, 3000L), (live.BackfillDone, live.BackfillTotal));
    }

    [Fact]
    public async Task WorkspaceSchema_RulesAreCheckedAgainstIt_AndAdditionsReachExistingCustomers()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        const string schema = """
            { "event_types": [ { "name": "webinar_attended", "properties": [ { "name": "topic", "type": "string", "tracked": true } ] } ],
              "traits": [ { "name": "plan", "type": "string" } ] }
            """;
        Assert.True((await fixture.SegmentDefinitions.SaveSchemaAsync(workspace, schema, ct)).Succeeded);

        // Commerce names are unknown here; the workspace's own are checked, with their types.
        var commerce = await fixture.SegmentDefinitions.SaveAsync(workspace, "buyers", "did(purchase)", null, ct);
        Assert.Contains("unknown event type 'purchase'", commerce.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.True((await fixture.SegmentDefinitions.SaveAsync(workspace, "ai-fans", "count(webinar_attended where topic = \"AI\") >= 2", null, ct)).Succeeded);

        var customer = Customer(workspace, 1);
        await customer.TrackAsync([
            new CustomerEvent("w1", "webinar_attended", T0, new Dictionary<string, PropertyValue> { ["topic"] = PropertyValue.Of("AI"), ["minutes"] = PropertyValue.Of(40) }),
            new CustomerEvent("w2", "webinar_attended", T0.AddDays(1), new Dictionary<string, PropertyValue> { ["topic"] = PropertyValue.Of("AI"), ["minutes"] = PropertyValue.Of(55) }),
        ]);
        Assert.Equal([Id(1)], fixture.Journal.Members(workspace, "ai-fans"));

        // Once customers exist, a schema change may only add; an added number is aggregated from then on.
        var removal = await fixture.SegmentDefinitions.SaveSchemaAsync(workspace, """{ "event_types": [ { "name": "webinar_attended", "properties": [] } ] }""", ct);
        Assert.Contains("property 'webinar_attended.topic' cannot be removed", removal.Problem, StringComparison.Ordinal);
        var addition = schema.Replace("\"tracked\": true } ]", "\"tracked\": true }, { \"name\": \"minutes\", \"type\": \"number\" } ]", StringComparison.Ordinal);
        Assert.True((await fixture.SegmentDefinitions.SaveSchemaAsync(workspace, addition, ct)).Succeeded);
        Assert.True((await fixture.SegmentDefinitions.SaveAsync(workspace, "long-watchers", "sum(webinar_attended.minutes) >= 30", null, ct)).Succeeded);
        // Other silos see a change within a second; the customer's silo is made to look now (as a backfill does).
        await customer.ReevaluateAsync(await fixture.Definitions.VersionAsync(workspace, ct));
        await customer.TrackAsync([new CustomerEvent("w3", "webinar_attended", T0.AddDays(2), new Dictionary<string, PropertyValue> { ["topic"] = PropertyValue.Of("Data"), ["minutes"] = PropertyValue.Of(35) })]);

        Assert.Equal([Id(1)], fixture.Journal.Members(workspace, "long-watchers"));
        Assert.Equal([Id(1)], fixture.Journal.Members(workspace, "ai-fans"));
    }

    [Fact]
    public async Task Definitions_InvalidRulesAndBreakingChanges_AreRefusedAndChangeNothing()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await fixture.SegmentDefinitions.SaveAsync(workspace, "vip", "sum(purchase.revenue) >= 1000", null, ct)).Succeeded);
        Assert.True((await fixture.SegmentDefinitions.SaveAsync(workspace, "vip-recent", "in_segment(\"vip\") and did(purchase, within 30d)", null, ct)).Succeeded);

        var typo = await fixture.SegmentDefinitions.SaveAsync(workspace, "bad", "count(purchse) > 0", null, ct);
        var cycle = await fixture.SegmentDefinitions.SaveAsync(workspace, "vip", "in_segment(\"vip-recent\")", null, ct);
        var badId = await fixture.SegmentDefinitions.SaveAsync(workspace, "Bad Id", "did(purchase)", null, ct);
        var stale = await fixture.SegmentDefinitions.SaveAsync(workspace, "vip", "did(purchase)", expectedVersion: 7, ct);
        var inUse = await fixture.SegmentDefinitions.DeleteAsync(workspace, "vip", ct);

        Assert.Equal((1, 7), (typo.Diagnostics[0].Line, typo.Diagnostics[0].Column));
        Assert.Contains("did you mean 'purchase'", typo.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.False(cycle.Succeeded);
        Assert.Contains("segment_id", badId.Problem, StringComparison.Ordinal);
        Assert.Contains("version 1, not 7", stale.Problem, StringComparison.Ordinal);
        Assert.Contains("'vip-recent'", inUse.Problem, StringComparison.Ordinal);
        var stored = await fixture.Definitions.LoadAsync(workspace, ct);
        Assert.Equal(["vip", "vip-recent"], stored.Segments.Select(s => s.SegmentId));
        Assert.All(stored.Segments, s => Assert.Equal(1, s.Version));
    }

    [Fact]
    public async Task Delete_RemovesTheSegmentAndCustomersRecordTheirExit()
    {
        var workspace = $"ws-{Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        await fixture.SegmentDefinitions.SaveAsync(workspace, "buyers", "did(purchase)", null, ct);
        var customer = Customer(workspace, 1);
        await customer.TrackAsync([new CustomerEvent("p1", "purchase", T0, CustomerEvent.NoProperties)]);
        Assert.Equal([Id(1)], fixture.Journal.Members(workspace, "buyers"));

        Assert.True((await fixture.SegmentDefinitions.DeleteAsync(workspace, "buyers", ct)).Succeeded);
        await customer.ReevaluateAsync(await fixture.Definitions.VersionAsync(workspace, ct));

        Assert.Null(await Segment(workspace, "buyers").GetStatsAsync());
        Assert.Empty(fixture.Journal.Members(workspace, "buyers"));
        Assert.Empty((await customer.GetProfileAsync())!.Segments);
        Assert.Contains(fixture.Journal.Log, r => r.WorkspaceId == workspace && r.Change is { SegmentId: "buyers", Entered: false });
    }

    private async Task<SegmentStats> WaitUntilLiveAsync(string workspace, string segment, int version) =>
        (await Eventually.ReturnsAsync(() => Segment(workspace, segment).GetStatsAsync(), s => s is { Status: SegmentStatus.Live } && s.Version == version, TimeSpan.FromMinutes(3)))!;

    private ICustomerGrain Customer(string workspace, int i) => fixture.Grains.GetGrain<ICustomerGrain>(CustomerGrainKey.Format(workspace, Id(i)));

    private ISegmentGrain Segment(string workspace, string segment) => fixture.Grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspace, segment));

    private static string Id(int i) => $"c{i:D5}";
}
