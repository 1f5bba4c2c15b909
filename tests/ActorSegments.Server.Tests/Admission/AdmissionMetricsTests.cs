using ActorSegments.Server.Admission;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Server.Tests.Admission;

/// <summary>What an operator scrapes about admission: requests admitted and shed by reason, and the state it decides on.</summary>
[Collection(nameof(MeteredServers))]
public sealed class AdmissionMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_CountAdmittedAndShedRequestsByReason_AndTheShedEventsAsRejectedOverloaded()
    {
        await using var server = await RunningServer.StartAsync(
            ("ActorSegments:Admission:MaxEventsInFlight", "100"), ("ActorSegments:Ingest:MaxBatchSize", "100"));
        var gate = server.Services.GetRequiredService<AdmissionGate>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };
        var before = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Null(gate.TryAdmit(95, remaining: null));
        await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackBatchAsync(AdmissionApiTests.Batch(Events.NewCustomerId(), 10), cancellationToken: Ct).ResponseAsync);
        Assert.Null(gate.TryAdmit(5, remaining: null)); // full: the next is refused before its body is read
        await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackBatchAsync(AdmissionApiTests.Batch(Events.NewCustomerId(), 10), cancellationToken: Ct).ResponseAsync);
        gate.Release(100);
        await server.Ingest.TrackBatchAsync(AdmissionApiTests.Batch(Events.NewCustomerId(), 10), cancellationToken: Ct);
        var after = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);

        double Delta(string metric, params string[] labels) => PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);
        Assert.Equal(2, Delta("actorsegments_admission_shed_total", "reason=\"events_in_flight\""));
        Assert.Equal(1, Delta("actorsegments_admission_admitted_total"));
        Assert.Equal(10, Delta("actorsegments_events_rejected_total", "reason=\"overloaded\"")); // only the shed whose size was known
        Assert.True(PrometheusText.Has(after, "actorsegments_admission_events_in_flight"), "events in flight are reported");
        Assert.True(PrometheusText.Has(after, "actorsegments_admission_requests_in_flight"), "requests in flight are reported");
        Assert.True(PrometheusText.Has(after, "actorsegments_admission_drain_rate"), "the drain rate is reported");
    }
}
