using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>IngestService.Alias over a real channel (docs/identity.md): the link, its errors, and what follows it.</summary>
public sealed class IdentityApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const string Workspace = "identity";

    private Task<AliasResponse> AliasAsync(string customer, string previous, string link, bool allowKnownMerge = false) =>
        Server.Ingest.AliasAsync(new AliasRequest { WorkspaceId = Workspace, CustomerId = customer, PreviousId = previous, LinkId = link, AllowKnownMerge = allowKnownMerge }, cancellationToken: Ct).ResponseAsync;

    private async Task<EventOutcome> PurchaseAsync(string customer, string eventId)
    {
        var evt = Events.Make(customer, "purchase", eventId, workspaceId: Workspace);
        evt.Properties["revenue"] = Value.ForNumber(10);
        return (await Server.Ingest.TrackAsync(new TrackRequest { Event = evt }, cancellationToken: Ct)).Outcome;
    }

    private Task<IdentifyResponse> IdentifyAsync(string customer, string plan) =>
        Server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = Workspace, CustomerId = customer, Traits = { ["plan"] = Value.ForString(plan) } }, cancellationToken: Ct).ResponseAsync;

    private Task<CustomerProfile> ProfileAsync(string customer) =>
        Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = Workspace, CustomerId = customer }, cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task Alias_MovesTheAnonymousHistoryIntoTheKnownCustomerAndLaterCallsFollow()
    {
        var (anon, known, segment) = (Events.NewCustomerId(), Events.NewCustomerId(), $"buyers-{Guid.NewGuid():N}");
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = Workspace, SegmentId = segment, Rule = "count(purchase) >= 2" }, cancellationToken: Ct);
        await PurchaseAsync(anon, "a-1");
        await PurchaseAsync(anon, "a-2");
        await PurchaseAsync(known, "b-1");

        var linked = await AliasAsync(known, anon, "link-1");
        var retried = await AliasAsync(known, anon, "link-1");

        Assert.Equal((EventOutcome.Applied, known, 2), (linked.Outcome, linked.CustomerId, linked.MergedEvents));
        Assert.Equal((EventOutcome.Duplicate, known, 0), (retried.Outcome, retried.CustomerId, retried.MergedEvents));
        var changes = (await Server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = Workspace, SegmentId = segment }, cancellationToken: Ct)).Changes;
        Assert.Equal(
            [(anon, true, ChangeCause.Event), (anon, false, ChangeCause.Merge), (known, true, ChangeCause.Merge)],
            changes.Where(c => c.CustomerId == anon || c.CustomerId == known).Select(c => (c.CustomerId, c.Entered, c.Cause))); // the workspace is shared with the class's other tests, whose customers the new segment's backfill may also enter

        Assert.Equal(EventOutcome.Duplicate, await PurchaseAsync(anon, "a-1")); // a retry under the old id
        Assert.Equal(EventOutcome.Applied, await PurchaseAsync(anon, "a-3"));
        Assert.Equal(EventOutcome.Applied, (await IdentifyAsync(anon, "gold")).Outcome);
        var viaAlias = await ProfileAsync(anon);
        Assert.Equal((known, anon, 4L, "gold"), (viaAlias.CustomerId, viaAlias.AliasId, viaAlias.TotalEvents, viaAlias.Traits["plan"].StringValue));
        Assert.Equal(string.Empty, (await ProfileAsync(known)).AliasId);
        var explained = await Server.Profiles.ExplainSegmentAsync(new ExplainSegmentRequest { WorkspaceId = Workspace, CustomerId = anon, SegmentId = segment }, cancellationToken: Ct);
        Assert.Equal((known, anon, true), (explained.CustomerId, explained.AliasId, explained.Member));
    }

    [Fact]
    public async Task Alias_ChainsResolveToTheLastCustomer()
    {
        var (a, b, c) = (Events.NewCustomerId(), Events.NewCustomerId(), Events.NewCustomerId());
        await PurchaseAsync(a, "a-1");
        await AliasAsync(b, a, "l-ab");
        await AliasAsync(c, b, "l-bc");

        var viaAlias = await AliasAsync(b, Events.NewCustomerId(), "l-xb"); // b is an alias now: the link goes to c

        Assert.Equal((EventOutcome.Applied, c), (viaAlias.Outcome, viaAlias.CustomerId));
        Assert.Equal(EventOutcome.Applied, await PurchaseAsync(a, "a-2"));
        Assert.Equal((c, 2L), ((await ProfileAsync(a)).CustomerId, (await ProfileAsync(a)).TotalEvents));
    }

    [Fact]
    public async Task Alias_RefusesBadInputAndKnownMergesWithoutLeaveChangingNothing()
    {
        var (a, b) = (Events.NewCustomerId(), Events.NewCustomerId());
        await IdentifyAsync(a, "free");
        await IdentifyAsync(b, "gold");

        var noLink = await Assert.ThrowsAsync<RpcException>(() => AliasAsync(b, a, ""));
        var same = await Assert.ThrowsAsync<RpcException>(() => AliasAsync(b, b, "l-1"));
        var badPrevious = await Assert.ThrowsAsync<RpcException>(() => AliasAsync(b, " padded", "l-1"));
        var known = await Assert.ThrowsAsync<RpcException>(() => AliasAsync(b, a, "l-1"));

        Assert.Equal(["link_id"], GrpcErrors.ViolatedFields(noLink));
        Assert.Equal(["previous_id"], GrpcErrors.ViolatedFields(same));
        Assert.Equal(["previous_id"], GrpcErrors.ViolatedFields(badPrevious));
        Assert.Equal(StatusCode.FailedPrecondition, known.StatusCode);
        Assert.Contains("previous_id", known.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("allow_known_merge", known.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((a, "free"), ((await ProfileAsync(a)).CustomerId, (await ProfileAsync(a)).Traits["plan"].StringValue));
        Assert.Equal(EventOutcome.Applied, (await AliasAsync(b, a, "l-1", allowKnownMerge: true)).Outcome);
    }

    [Fact]
    public async Task Alias_OppositeLinksAtTheSameInstantBothAnswerAndLeaveOneCustomer()
    {
        var conflicts = 0;
        for (var round = 0; round < 10; round++)
        {
            var ids = new[] { Events.NewCustomerId(), Events.NewCustomerId() }.Order(StringComparer.Ordinal).ToArray();
            var (small, great) = (ids[0], ids[1]);
            await PurchaseAsync(small, "s-1");
            await PurchaseAsync(great, "g-1");

            var intoGreat = Answer(AliasAsync(great, small, "l-into-great"));
            var intoSmall = Answer(AliasAsync(small, great, "l-into-small"));
            var (toGreat, toSmall) = (await intoGreat, await intoSmall);

            // The link into the smaller id is never refused; the other one may be, and its retry finds one customer.
            Assert.NotNull(toSmall.Response);
            Assert.Single(new[] { toGreat.Response, toSmall.Response }, r => r?.Outcome == EventOutcome.Applied);
            if (toGreat.Refused is { } refused)
            {
                conflicts++;
                Assert.Equal(StatusCode.Aborted, refused.StatusCode);
                Assert.Contains("previous_id", refused.Status.Detail, StringComparison.Ordinal);
                var retried = await AliasAsync(great, small, "l-into-great");
                Assert.Equal((EventOutcome.Duplicate, small), (retried.Outcome, retried.CustomerId));
            }

            var (viaSmall, viaGreat) = (await ProfileAsync(small), await ProfileAsync(great));
            Assert.Equal(viaSmall.CustomerId, viaGreat.CustomerId);
            Assert.Equal((2L, 2L), (viaSmall.TotalEvents, viaGreat.TotalEvents));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{conflicts} of 10 rounds met as a conflict");

        static async Task<(AliasResponse? Response, RpcException? Refused)> Answer(Task<AliasResponse> call)
        {
            try
            {
                return (await call, null);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted)
            {
                return (null, ex);
            }
        }
    }

    [Fact]
    public async Task Alias_OverHttpJson()
    {
        var (anon, known) = (Events.NewCustomerId(), Events.NewCustomerId());
        await PurchaseAsync(anon, "a-1");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);

        using var response = await http.PostAsync($"/v1/workspaces/{Workspace}/customers/{known}:alias",
            new StringContent($$"""{"previousId": "{{anon}}", "linkId": "link-http"}""", Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("EVENT_OUTCOME_APPLIED", body, StringComparison.Ordinal);
        Assert.Contains("\"mergedEvents\":1", body, StringComparison.Ordinal);
    }
}
