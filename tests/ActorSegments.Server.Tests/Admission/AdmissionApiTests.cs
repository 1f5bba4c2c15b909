using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Admission;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.Server.Tests.Admission;

/// <summary>
/// What callers of a real server see when admission refuses them, over gRPC (unary and stream) and JSON. Work in
/// flight is stood in for by claiming room at the server's own gate, so each test decides how loaded the server is.
/// </summary>
public sealed class AdmissionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrackBatch_DeadlineShorterThanTheEstimatedWait_RefusedAtOnceWithRetryInfo_AndNothingApplied()
    {
        await using var server = await RunningServer.StartAsync(("ActorSegments:Admission:InitialDrainRate", "100"));
        var gate = server.Services.GetRequiredService<AdmissionGate>();
        Assert.Null(gate.TryAdmit(1_000, remaining: null)); // 10 s of work ahead at 100 events/s, and nothing finishing
        var (late, inTime) = (Events.NewCustomerId(), Events.NewCustomerId());

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackBatchAsync(
            Batch(late, 5), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: Ct).ResponseAsync);
        var admitted = await server.Ingest.TrackBatchAsync(Batch(inTime, 5), deadline: DateTime.UtcNow.AddHours(1), cancellationToken: Ct);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("deadline", refused.Status.Detail, StringComparison.Ordinal);
        Assert.True(RetryDelay(refused) > TimeSpan.Zero);
        Assert.Equal(5, admitted.Applied);
        Assert.Equal(StatusCode.NotFound, (await ProfileAsync(server, late))?.StatusCode);
        Assert.Null(await ProfileAsync(server, inTime));
    }

    [Fact]
    public async Task TrackStream_BatchBeyondTheEventsBound_EndsTheStreamWithResourceExhausted_KeepingEarlierAcknowledgements()
    {
        await using var server = await RunningServer.StartAsync(
            ("ActorSegments:Admission:MaxEventsInFlight", "100"), ("ActorSegments:Ingest:MaxBatchSize", "100"));
        var gate = server.Services.GetRequiredService<AdmissionGate>();
        Assert.Null(gate.TryAdmit(50, remaining: null));
        var (first, second) = (Events.NewCustomerId(), Events.NewCustomerId());
        using var stream = server.Ingest.TrackStream(cancellationToken: Ct);

        await stream.RequestStream.WriteAsync(Batch(first, 10), Ct); // 60 in flight with it: admitted
        Assert.True(await stream.ResponseStream.MoveNext(Ct));
        var acknowledged = stream.ResponseStream.Current;
        await stream.RequestStream.WriteAsync(Batch(second, 60), Ct); // 110: refused
        var end = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(Ct));

        Assert.Equal(10, acknowledged.Applied);
        Assert.Equal(StatusCode.ResourceExhausted, end.StatusCode);
        Assert.True(RetryDelay(end) > TimeSpan.Zero);
        Assert.Null(await ProfileAsync(server, first));
        Assert.Equal(StatusCode.NotFound, (await ProfileAsync(server, second))?.StatusCode);
    }

    [Fact]
    public async Task TrackStream_IsNotHeldToTheRequestBound_ItsBatchesAreAdmittedOneByOne()
    {
        await using var server = await RunningServer.StartAsync(("ActorSegments:Admission:MaxRequestsInFlight", "1"));
        var gate = server.Services.GetRequiredService<AdmissionGate>();
        Assert.Null(gate.TryEnterRequest(remaining: null)); // no room for a unary call
        var customer = Events.NewCustomerId();
        using var stream = server.Ingest.TrackStream(cancellationToken: Ct);

        await stream.RequestStream.WriteAsync(Batch(customer, 3), Ct);
        Assert.True(await stream.ResponseStream.MoveNext(Ct));
        await stream.RequestStream.WriteAsync(Batch(customer, 4), Ct);
        Assert.True(await stream.ResponseStream.MoveNext(Ct));
        await stream.RequestStream.CompleteAsync();

        Assert.Equal(4, stream.ResponseStream.Current.Applied);
        Assert.False(await stream.ResponseStream.MoveNext(Ct));
        Assert.Equal(0, gate.EventsInFlight); // each batch gave its room back
    }

    [Fact]
    public async Task JsonIngest_Overloaded_Answers429WithRetryAfterAndRetryInfo_BeforeAndAfterItsBodyIsRead()
    {
        await using var server = await RunningServer.StartAsync(
            ("ActorSegments:Admission:MaxEventsInFlight", "100"), ("ActorSegments:Ingest:MaxBatchSize", "100"));
        var gate = server.Services.GetRequiredService<AdmissionGate>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);
        var customer = Events.NewCustomerId();

        Assert.Null(gate.TryAdmit(100, remaining: null)); // full: refused before the body is read
        using var beforeBody = await http.PostAsync("/v1/events:batch", JsonBatch(customer, 10), Ct);
        gate.Release(5); // 95 in flight: the request gets in, its 10 events do not
        using var afterBody = await http.PostAsync("/v1/events:batch", JsonBatch(customer, 10), Ct);

        foreach (var response in new[] { beforeBody, afterBody })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(8, body.GetProperty("code").GetInt32());
            var detail = Assert.Single(body.GetProperty("details").EnumerateArray());
            Assert.Equal("type.googleapis.com/google.rpc.RetryInfo", detail.GetProperty("@type").GetString());
        }

        Assert.Equal(StatusCode.NotFound, (await ProfileAsync(server, customer))?.StatusCode);
    }

    [Fact]
    public async Task TrackBatch_AtTheRequestBound_RefusedBeforeItsBodyIsRead_EvenWhileTheClientIsStillSendingIt()
    {
        await using var server = await RunningServer.StartAsync(("ActorSegments:Admission:MaxRequestsInFlight", "1"));
        var gate = server.Services.GetRequiredService<AdmissionGate>();
        Assert.Null(gate.TryEnterRequest(remaining: null)); // the one request allowed
        var customer = Events.NewCustomerId();
        var large = Batch(customer, 1_000);
        foreach (var e in large.Events)
        {
            e.Properties["note"] = Value.ForString(new string('x', 1_000));
            e.Properties["memo"] = Value.ForString(new string('y', 1_000));
            e.Properties["text"] = Value.ForString(new string('z', 1_000));
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Ingest.TrackBatchAsync(large, cancellationToken: Ct).ResponseAsync);
        gate.LeaveRequest();
        var admitted = await server.Ingest.TrackBatchAsync(large, cancellationToken: Ct);

        Assert.True(large.CalculateSize() > 3_000_000);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("ingest requests in progress", refused.Status.Detail, StringComparison.Ordinal);
        Assert.True(RetryDelay(refused) > TimeSpan.Zero);
        Assert.Equal(1_000, admitted.Applied);
    }

    internal static TrackBatchRequest Batch(string customer, int events) =>
        new() { Events = { Enumerable.Range(0, events).Select(_ => Events.Make(customer)) } };

    internal static TimeSpan RetryDelay(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() ?? throw new Xunit.Sdk.XunitException($"no RetryInfo in {ex.Status}");

    /// <summary>Null when the customer's profile reads back, else the error it read back with.</summary>
    private static async Task<RpcException?> ProfileAsync(RunningServer server, string customer)
    {
        try
        {
            await server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct);
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }

    private static StringContent JsonBatch(string customer, int events) => new(
        JsonSerializer.Serialize(new
        {
            events = Enumerable.Range(0, events).Select(i => new
            {
                workspaceId = "acme",
                customerId = customer,
                eventId = $"e-{i}",
                type = "product_viewed",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
            }),
        }),
        Encoding.UTF8,
        "application/json");
}
