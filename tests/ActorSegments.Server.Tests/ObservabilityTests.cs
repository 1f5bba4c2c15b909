using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>Servers whose metrics are compared exactly run alone: the project's meters are shared by every server in this process.</summary>
[CollectionDefinition(nameof(MeteredServers), DisableParallelization = true)]
public sealed class MeteredServers;

/// <summary>What an operator scrapes at /metrics and opens at /dashboard.</summary>
[Collection(nameof(MeteredServers))]
public sealed class ObservabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_CountEventsReceivedAppliedRetriedAndRejectedAndIncludeOrleansAndRuntimeMeters()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = Http(server);
        var before = await ScrapeAsync(http);
        var customer = Events.NewCustomerId();
        var batch = new TrackBatchRequest { Events = { Events.Make(customer, "purchase"), Events.Make(customer, "product_viewed"), Events.Make(customer, "purchase") } };

        await server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);
        await server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct); // a retry: all three are duplicates
        var invalid = new TrackBatchRequest { Events = { Events.Make(customer, "purchase"), Events.Make(customer, "") } };
        await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackBatchAsync(invalid, cancellationToken: Ct).ResponseAsync);
        var after = await ScrapeAsync(http);

        double Delta(string metric, params string[] labels) => PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);
        Assert.Equal(8, Delta("actorsegments_events_received_total"));
        Assert.Equal(3, Delta("actorsegments_events_applied_total"));
        Assert.Equal(3, Delta("actorsegments_events_duplicates_total"));
        Assert.Equal(2, Delta("actorsegments_events_rejected_total", "reason=\"invalid\""));
        Assert.True(PrometheusText.Has(after, "actorsegments_rpc_in_flight"), "calls in flight are reported");
        Assert.True(PrometheusText.Has(after, "orleans_"), "Orleans' meter is exported");
        Assert.True(PrometheusText.Has(after, "dotnet_gc_"), "the runtime's meter is exported");
    }

    [Fact]
    public async Task MetricsOnPostgres_ReportJournalFlushesCommittedEventsMembershipChangesAndNpgsql()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("metrics");
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        using var http = Http(server);
        const string workspace = "metrics";
        await server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        await server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await Eventually.ReturnsAsync(
            async () => (await server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace, SegmentId = "buyers" }, cancellationToken: Ct)).Status,
            status => status == SegmentStatus.Live,
            TimeSpan.FromSeconds(60));
        var before = await ScrapeAsync(http);
        var buyers = Enumerable.Range(0, 5).Select(_ => Events.NewCustomerId()).ToList();

        await server.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { buyers.Select(c => Events.Make(c, "purchase", workspaceId: workspace)) } }, cancellationToken: Ct);
        var after = await ScrapeAsync(http);

        double Delta(string metric, params string[] labels) => PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);
        Assert.Equal(5, Delta("actorsegments_events_committed_total"));
        Assert.Equal(5, Delta("actorsegments_segments_membership_changes_total", "change=\"enter\"", "cause=\"event\""));
        Assert.True(Delta("actorsegments_journal_flush_duration_seconds_count") >= 1, "each journal transaction is timed");
        Assert.True(Delta("actorsegments_journal_flush_commits_sum") >= 5, "the batch sizes add up to the commits");
        Assert.True(PrometheusText.Has(after, "db_client_"), "Npgsql's meter is exported");
    }

    [Fact]
    public async Task TheDashboard_NeedsTheBootstrapKeyAsBasicPasswordOrBearerAndRefusesWorkspaceKeys()
    {
        await using var server = await RunningServer.StartAsync(("ActorSegments:Observability:Dashboard", "true"));
        const string workspace = "dash";
        await server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        var workspaceKey = (await server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = workspace, Name = "ops", Scopes = { "admin" } }, cancellationToken: Ct)).Secret;
        using var http = Http(server);

        using var anonymous = await GetDashboardAsync(http, null);
        using var basic = await GetDashboardAsync(http, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{RunningServer.BootstrapKey}"))));
        using var bearer = await GetDashboardAsync(http, new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey));
        using var wrong = await GetDashboardAsync(http, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:not-the-key"))));
        using var scoped = await GetDashboardAsync(http, new AuthenticationHeaderValue("Bearer", workspaceKey));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scoped.StatusCode);
        Assert.Equal("The dashboard needs the bootstrap key (as the Basic password, or 'authorization: Bearer <key>').", await anonymous.Content.ReadAsStringAsync(Ct));
        Assert.Equal("The dashboard needs the bootstrap key; workspace keys cannot see every workspace.", await scoped.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["Basic", "Basic"], new[] { wrong, scoped }.Select(r => r.Headers.WwwAuthenticate.Single().Scheme));
        Assert.Equal("text/plain; charset=utf-8", anonymous.Content.Headers.ContentType?.ToString());
    }

    private static HttpClient Http(RunningServer server) => new() { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task<HttpResponseMessage> GetDashboardAsync(HttpClient http, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        request.Headers.Authorization = authorization;
        return await http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task TheDashboard_IsOffUnlessEnabled()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = Http(server);

        using var response = await GetDashboardAsync(http, new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
