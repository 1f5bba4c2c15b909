using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>The segment API over a real HTTP/2 channel: definitions, members, the change feed, watch and overlap.</summary>
public sealed class SegmentApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task Definitions_AreCreatedReadListedUpdatedAndDeletedWithVersions()
    {
        var ws = NewWorkspace();
        var created = await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers", Rule = "did(product_viewed)" }, cancellationToken: Ct);
        var again = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers", Rule = "did(purchase)" }, cancellationToken: Ct).ResponseAsync);
        var updated = await Server.Segments.UpdateSegmentAsync(new UpdateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers", Rule = "did(product_viewed, within 7d)", ExpectedVersion = 1 }, cancellationToken: Ct);
        var stale = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.UpdateSegmentAsync(new UpdateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers", Rule = "did(purchase)", ExpectedVersion = 1 }, cancellationToken: Ct).ResponseAsync);
        var listed = await Server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = ws }, cancellationToken: Ct);
        var versions = await Server.Segments.ListSegmentVersionsAsync(new ListSegmentVersionsRequest { WorkspaceId = ws, SegmentId = "viewers" }, cancellationToken: Ct);
        await Server.Segments.DeleteSegmentAsync(new DeleteSegmentRequest { WorkspaceId = ws, SegmentId = "viewers" }, cancellationToken: Ct);
        var goneVersions = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.ListSegmentVersionsAsync(new ListSegmentVersionsRequest { WorkspaceId = ws, SegmentId = "viewers" }, cancellationToken: Ct).ResponseAsync);
        var gone = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = ws, SegmentId = "viewers" }, cancellationToken: Ct).ResponseAsync);
        var missingUpdate = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.UpdateSegmentAsync(new UpdateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers", Rule = "did(purchase)" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((1, "did(product_viewed)"), (created.Version, created.Rule));
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(2, updated.Version);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(["viewers"], listed.Segments.Select(s => s.SegmentId));
        Assert.Equal([(2, "did(product_viewed, within 7d)"), (1, "did(product_viewed)")], versions.Versions.Select(v => (v.Version, v.Rule)));
        Assert.Equal(updated.UpdatedAt, versions.Versions[0].SavedAt);
        Assert.Equal(StatusCode.NotFound, goneVersions.StatusCode);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal(StatusCode.NotFound, missingUpdate.StatusCode);
    }

    [Fact]
    public async Task ABadRule_IsRefusedWithItsLineAndColumnAndValidateReportsTheSameWithoutSaving()
    {
        var ws = NewWorkspace();
        const string rule = "did(product_viewed)\n  and sum(purchase.revenu) > 10";

        var validation = await Server.Segments.ValidateSegmentAsync(new ValidateSegmentRequest { WorkspaceId = ws, Rule = rule }, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "bad", Rule = rule }, cancellationToken: Ct).ResponseAsync);
        var badId = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "Bad Id", Rule = "did(purchase)" }, cancellationToken: Ct).ResponseAsync);
        var listed = await Server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = ws }, cancellationToken: Ct);

        Assert.False(validation.Valid);
        var problem = Assert.Single(validation.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([$"rule:{problem.Line}:{problem.Column}"], GrpcErrors.ViolatedFields(refused));
        Assert.Equal(["segment_id"], GrpcErrors.ViolatedFields(badId));
        Assert.Empty(listed.Segments);
    }

    [Fact]
    public async Task Preview_CountsWhatARuleWouldMatchWithoutSavingAndTheSavedSegmentAgrees()
    {
        var ws = NewWorkspace();
        var viewers = Enumerable.Range(0, 30).Select(i => $"v-{i:D2}").ToList();
        var buyers = viewers.Where((_, i) => i % 5 < 2).ToList(); // 12 of 30
        await TrackAsync(ws, viewers.Select(c => Events.Make(c, "product_viewed", workspaceId: ws)));
        await TrackAsync(ws, buyers.Select(c => Events.Make(c, "purchase", workspaceId: ws)));
        const string rule = "did(product_viewed) and did(purchase)";

        var exact = await Server.Segments.PreviewSegmentAsync(new PreviewSegmentRequest { WorkspaceId = ws, Rule = rule, MaxMatches = 5 }, cancellationToken: Ct);
        var sampled = await Server.Segments.PreviewSegmentAsync(new PreviewSegmentRequest { WorkspaceId = ws, Rule = rule, SampleSize = 10, MaxMatches = 100 }, cancellationToken: Ct);
        var unsaved = await Server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = ws }, cancellationToken: Ct);
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "buyers", Rule = rule }, cancellationToken: Ct);
        await WaitUntilLiveAsync(ws, "buyers");
        var saved = await Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = ws, SegmentId = "buyers" }, cancellationToken: Ct);

        Assert.Equal((30L, 30L, 12L, 12L, 12L, 12L, true), (exact.Customers, exact.Evaluated, exact.Matched, exact.EstimatedMembers, exact.EstimateLow, exact.EstimateHigh, exact.Exact));
        Assert.Equal(5, exact.SampleCustomerIds.Count);
        Assert.All(exact.SampleCustomerIds, id => Assert.Contains(id, buyers));
        Assert.Empty(unsaved.Segments);
        Assert.Equal(exact.EstimatedMembers, saved.Members);

        // A sample of ten: its matches are certain, the rest is scaled with an interval around the estimate.
        Assert.Equal((30L, 10L, false), (sampled.Customers, sampled.Evaluated, sampled.Exact));
        Assert.Equal(sampled.Matched, sampled.SampleCustomerIds.Count);
        Assert.All(sampled.SampleCustomerIds, id => Assert.Contains(id, buyers));
        Assert.Equal((long)Math.Round(sampled.Matched * 3.0, MidpointRounding.AwayFromZero), sampled.EstimatedMembers);
        Assert.InRange(sampled.EstimateLow, sampled.Matched, sampled.EstimatedMembers);
        Assert.InRange(sampled.EstimateHigh, sampled.EstimatedMembers, sampled.Matched + 20);
    }

    [Fact]
    public async Task Preview_RefusesABadRuleWhereCreateWouldAndCountsOutOfRangeByField()
    {
        var ws = NewWorkspace();
        const string rule = "did(product_viewed)\n  and sum(purchase.revenu) > 10";

        var badRule = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.PreviewSegmentAsync(new PreviewSegmentRequest { WorkspaceId = ws, Rule = rule }, cancellationToken: Ct).ResponseAsync);
        var validation = await Server.Segments.ValidateSegmentAsync(new ValidateSegmentRequest { WorkspaceId = ws, Rule = rule }, cancellationToken: Ct);
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.PreviewSegmentAsync(new PreviewSegmentRequest { WorkspaceId = ws, Rule = "did(purchase)", SampleSize = 20_001 }, cancellationToken: Ct).ResponseAsync);
        var negative = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.PreviewSegmentAsync(new PreviewSegmentRequest { WorkspaceId = ws, Rule = "did(purchase)", MaxMatches = -1 }, cancellationToken: Ct).ResponseAsync);

        var problem = Assert.Single(validation.Problems);
        Assert.Equal(StatusCode.InvalidArgument, badRule.StatusCode);
        Assert.Equal([$"rule:{problem.Line}:{problem.Column}"], GrpcErrors.ViolatedFields(badRule));
        Assert.Equal(["sample_size"], GrpcErrors.ViolatedFields(tooMany));
        Assert.Equal(["max_matches"], GrpcErrors.ViolatedFields(negative));
    }

    [Fact]
    public async Task MemberPages_ReturnEveryCustomerWhoStaysAMemberExactlyOnceWhileOthersEnterAndLeave()
    {
        var ws = NewWorkspace();
        var stayers = Enumerable.Range(0, 25).Select(i => $"stay-{i:D2}").ToList();
        await TrackAsync(ws, stayers.Select(c => Events.Make(c, "product_viewed", workspaceId: ws)));
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers-not-buyers", Rule = "did(product_viewed) and not did(purchase)" }, cancellationToken: Ct);
        await WaitUntilLiveAsync(ws, "viewers-not-buyers");

        var leavers = Enumerable.Range(0, 10).Select(i => $"leave-{i:D2}").ToList();
        await TrackAsync(ws, leavers.Select(c => Events.Make(c, "product_viewed", workspaceId: ws)));
        var seen = new List<string>();
        var token = string.Empty;
        var round = 0;
        do
        {
            var page = await Server.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = ws, SegmentId = "viewers-not-buyers", PageSize = 7, PageToken = token }, cancellationToken: Ct);
            seen.AddRange(page.Members.Select(m => m.CustomerId));
            token = page.NextPageToken;

            // Between pages, customers enter (new viewers) and leave (leavers buy), on both sides of the keyset.
            await TrackAsync(ws, [Events.Make($"enter-{round}", "product_viewed", workspaceId: ws), Events.Make($"zz-enter-{round}", "product_viewed", workspaceId: ws)]);
            if (round < leavers.Count)
            {
                await TrackAsync(ws, [Events.Make(leavers[round], "purchase", workspaceId: ws)]);
            }

            round++;
        }
        while (token.Length > 0);

        Assert.All(stayers, c => Assert.Equal(1, seen.Count(s => s == c)));
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task TheChangeFeed_ResumesFromACursorWithNoGapAndNoDuplicate()
    {
        var ws = NewWorkspace();
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await WaitUntilLiveAsync(ws, "buyers");
        var expected = new List<string>();
        var received = new List<MembershipChange>();
        var cursor = string.Empty;
        for (var batch = 0; batch < 4; batch++)
        {
            var customers = Enumerable.Range(0, 6).Select(i => $"b{batch}-{i}").ToList();
            expected.AddRange(customers);
            await TrackAsync(ws, customers.Select(c => Events.Make(c, "purchase", workspaceId: ws)));

            // Read in small pages, resuming from the cursor each time as a sync job would after a restart.
            ListChangesResponse page;
            do
            {
                page = await Server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = cursor, PageSize = 4 }, cancellationToken: Ct);
                received.AddRange(page.Changes);
                cursor = page.NextCursor;
            }
            while (page.Changes.Count > 0);
        }

        Assert.All(received, c => Assert.True(c.Entered));
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(c => c.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(received.Count, received.Select(c => c.Cursor).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(received.Count, received.Select(c => c.Sequence).Distinct().Count());
        var badCursor = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = "not-a-cursor" }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(["cursor"], GrpcErrors.ViolatedFields(badCursor));
    }

    [Fact]
    public async Task AWatch_TailsNewChangesAndAReconnectFromTheLastCursorMissesNoneAndRepeatsNone()
    {
        var ws = NewWorkspace();
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await WaitUntilLiveAsync(ws, "buyers");

        var first = await WatchAsync(ws, cursor: string.Empty, ["w1", "w2", "w3"]);
        await TrackAsync(ws, [Events.Make("w4", "purchase", workspaceId: ws)]); // while nobody watches
        var second = await WatchAsync(ws, first[^1].Cursor, ["w5"], expectedCount: 2);

        Assert.Equal<string>(["w1", "w2", "w3"], first.Select(c => c.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal<string>(["w4", "w5"], second.Select(c => c.CustomerId));
    }

    [Fact]
    public async Task ACursorBeyondTheHeadOfTheFeed_IsRefusedByListAndWatchInsteadOfStalling()
    {
        var ws = NewWorkspace();
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await WaitUntilLiveAsync(ws, "buyers");
        var entered = await WatchAsync(ws, cursor: string.Empty, ["beyond-1"]);
        var head = (await Server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = entered[^1].Cursor }, cancellationToken: Ct)).HeadCursor;

        var listed = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = "ffffff.ffffff" }, cancellationToken: Ct).ResponseAsync);
        using var watch = Server.Segments.WatchChanges(new WatchChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = "ffffff.ffffff" }, cancellationToken: Ct);
        var watched = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(Ct));
        var fromHead = await Server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = head }, cancellationToken: Ct);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (listed.StatusCode, watched.StatusCode));
        Assert.Equal(["cursor"], GrpcErrors.ViolatedFields(listed));
        Assert.Equal(["cursor"], GrpcErrors.ViolatedFields(watched));
        Assert.Contains("beyond the head", listed.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(head, fromHead.NextCursor);
    }

    [Fact]
    public async Task Overlap_CountsEachSegmentTheCustomersInAllAndInAny()
    {
        var ws = NewWorkspace();
        await TrackAsync(ws, "abcd".Select(c => Events.Make($"{c}", "product_viewed", workspaceId: ws)));
        await TrackAsync(ws, "cde".Select(c => Events.Make($"{c}", "purchase", workspaceId: ws)));
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "viewers", Rule = "did(product_viewed)" }, cancellationToken: Ct);
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await WaitUntilLiveAsync(ws, "viewers");
        await WaitUntilLiveAsync(ws, "buyers");

        var overlap = await Server.Segments.GetOverlapAsync(new GetOverlapRequest { WorkspaceId = ws, SegmentIds = { "viewers", "buyers" } }, cancellationToken: Ct);
        var tooFew = await Assert.ThrowsAsync<RpcException>(() => Server.Segments.GetOverlapAsync(new GetOverlapRequest { WorkspaceId = ws, SegmentIds = { "viewers" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal([("viewers", 4L), ("buyers", 3L)], overlap.Sizes.Select(s => (s.SegmentId, s.Members)));
        Assert.Equal((2L, 5L), (overlap.Intersection, overlap.Union));
        Assert.Equal(0.4, overlap.Jaccard, 6);
        Assert.Equal(["segment_ids"], GrpcErrors.ViolatedFields(tooFew));
    }

    private async Task<List<MembershipChange>> WatchAsync(string ws, string cursor, string[] buyers, int? expectedCount = null)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        using var call = Server.Segments.WatchChanges(new WatchChangesRequest { WorkspaceId = ws, SegmentId = "buyers", Cursor = cursor }, cancellationToken: stop.Token);
        await TrackAsync(ws, buyers.Select(c => Events.Make(c, "purchase", workspaceId: ws)));
        var received = new List<MembershipChange>();
        while (received.Count < (expectedCount ?? buyers.Length) && await call.ResponseStream.MoveNext(stop.Token))
        {
            received.Add(call.ResponseStream.Current);
        }

        return received;
    }

    private async Task TrackAsync(string ws, IEnumerable<Event> events)
    {
        var request = new TrackBatchRequest();
        request.Events.AddRange(events);
        await Server.Ingest.TrackBatchAsync(request, cancellationToken: Ct);
    }

    private async Task WaitUntilLiveAsync(string ws, string segmentId)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while ((await Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = ws, SegmentId = segmentId }, cancellationToken: limit.Token)).Status != SegmentStatus.Live)
        {
            await Task.Delay(50, limit.Token);
        }
    }

    private static string NewWorkspace() => $"ws-{Guid.NewGuid():N}"[..20];
}
