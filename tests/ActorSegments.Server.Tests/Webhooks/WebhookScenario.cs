using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Tests.Webhooks;

/// <summary>A workspace with three segments and customers entering and leaving them, for webhook tests.</summary>
internal static class WebhookScenario
{
    public static readonly string[] Segments = ["viewers", "buyers", "us"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static WebhookService.WebhookServiceClient Client(RunningServer server) => new(server.As(RunningServer.BootstrapKey).Invoker);

    public static async Task CreateSegmentsAsync(RunningServer server, string workspace)
    {
        string[] rules = ["did(page_viewed)", "did(purchase)", "trait.country = \"US\""];
        for (var i = 0; i < Segments.Length; i++)
        {
            await server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = Segments[i], Rule = rules[i] }, cancellationToken: Ct);
        }

        await Eventually.ReturnsAsync(
            () => server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = workspace }, cancellationToken: Ct).ResponseAsync,
            l => l.Segments.Count == Segments.Length && l.Segments.All(s => s.Status == SegmentStatus.Live));
    }

    /// <summary>
    /// Customers view a page (enter viewers), every other one buys (enter buyers), two in three say they live in the US
    /// (enter us) and every sixth moves to France afterwards (exit us).
    /// </summary>
    public static async Task ActAsync(RunningServer server, string workspace, int customers, string prefix)
    {
        for (var i = 0; i < customers; i++)
        {
            var customer = $"{prefix}-{i:D3}";
            var batch = new TrackBatchRequest();
            batch.Events.Add(Events.Make(customer, "page_viewed", workspaceId: workspace));
            if (i % 2 == 0)
            {
                batch.Events.Add(Events.Make(customer, "purchase", workspaceId: workspace));
            }

            await server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);
            if (i % 3 != 0)
            {
                await IdentifyAsync(server, workspace, customer, "US");
            }

            if (i % 6 == 1)
            {
                await IdentifyAsync(server, workspace, customer, "FR");
            }
        }
    }

    /// <summary>Every change of the segment in the feed, oldest first.</summary>
    public static async Task<List<MembershipChange>> FeedAsync(RunningServer server, string workspace, string segment)
    {
        var changes = new List<MembershipChange>();
        var cursor = string.Empty;
        while (true)
        {
            var page = await server.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = workspace, SegmentId = segment, Cursor = cursor, PageSize = 1000 }, cancellationToken: Ct);
            changes.AddRange(page.Changes);
            if (page.Changes.Count == 0)
            {
                return changes;
            }

            cursor = page.NextCursor;
        }
    }

    private static Task<IdentifyResponse> IdentifyAsync(RunningServer server, string workspace, string customer, string country) =>
        server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = workspace, CustomerId = customer, Traits = { ["country"] = Value.ForString(country) } }, cancellationToken: Ct).ResponseAsync;
}
