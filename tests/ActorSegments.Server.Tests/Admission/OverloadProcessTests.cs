using System.Collections.Concurrent;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using ActorSegments.Testing.Processes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ActorSegments.Server.Tests.Admission;

/// <summary>
/// The built server as its own process on PostgreSQL, its admission bounds set low, flooded with many more
/// concurrent TrackBatch calls over a few HTTP/2 connections than the bounds let in, each with a generous deadline.
/// Asserts on what every call ended with and on what was stored, never on how long anything took.
/// </summary>
public sealed class OverloadProcessTests
{
    private const string Key = "overload-test-bootstrap-key-0123456789abcdef";
    private const string Workspace = "overload";
    private const int Calls = 300;
    private const int Connections = 4; // 75 calls each, within a connection's 100 concurrent streams
    private const int CustomersPerCall = 2;
    private const int EventsPerCustomer = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerProcess_FloodedWithConcurrentBatches_ShedsWithRetryInfo_NeverRunsCallsPastTheirDeadline_AndStoresExactlyTheAcceptedCalls()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("overload");
        var (grpcPort, httpPort, siloPort) = (FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());
        var log = Path.Combine(Path.GetTempPath(), $"actorsegments-overload-{Guid.NewGuid():N}.log");
        using var server = ServerProcess.Start("overload", log, [
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{grpcPort}",
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}",
            $"--ActorSegments:Cluster:SiloPort={siloPort}",
            $"--ActorSegments:Cluster:ClusterId=overload-{Guid.NewGuid():N}",
            $"--ActorSegments:Postgres:ConnectionString={db.ConnectionString}",
            "--ActorSegments:Admission:MaxRequestsInFlight=16",
            "--ActorSegments:Admission:MaxEventsInFlight=100",
            "--ActorSegments:Ingest:MaxBatchSize=100",
            "--Logging:LogLevel:Default=Warning",
            // Refusals are logged at information level: shedding must not write a line per refused call.
            "--Logging:LogLevel:ActorSegments.Server.Observability.ClientErrorLog=Information"],
            new Dictionary<string, string> { ["ActorSegments__Auth__BootstrapKey"] = Key });
        var channels = Enumerable.Range(0, Connections).Select(_ => GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
        {
            // One HTTP/2 connection per channel, as a few producers each holding one connection would.
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
        })).ToList();
        try
        {
            Assert.True(await server.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{httpPort}/healthz"), TimeSpan.FromMinutes(2), Ct), "the server did not become healthy:\n" + server.LogTail(40));
            var clients = channels.Select(c => new BootstrapClients(c)).ToList();
            await clients[0].Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = Workspace }, cancellationToken: Ct);

            var calls = Enumerable.Range(0, Calls).Select(i => new FloodCall(i)).ToList();
            await Task.WhenAll(calls.Select(call => call.SendAsync(clients[call.Number % Connections].Ingest)));

            var statuses = calls.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
            var summary = string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"));
            Assert.True(statuses.Keys.All(s => s is StatusCode.OK or StatusCode.ResourceExhausted), $"statuses: {summary}; first other: {calls.FirstOrDefault(c => c.Status is not (StatusCode.OK or StatusCode.ResourceExhausted))?.Error}");
            Assert.DoesNotContain(StatusCode.DeadlineExceeded, statuses.Keys);
            Assert.True(statuses.GetValueOrDefault(StatusCode.ResourceExhausted) > 0, $"nothing was shed: {summary}");
            Assert.True(statuses.GetValueOrDefault(StatusCode.OK) > 0, $"nothing was accepted: {summary}");
            Assert.All(calls.Where(c => c.Status == StatusCode.ResourceExhausted), c => Assert.True(AdmissionApiTests.RetryDelay(c.Error!) > TimeSpan.Zero));
            Assert.All(calls.Where(c => c.Status == StatusCode.OK), c => Assert.Equal(CustomersPerCall * EventsPerCustomer, c.Applied));
            var refusalLines = File.ReadLines(log).Count(line => line.Contains("refused: ResourceExhausted", StringComparison.Ordinal));
            Assert.True(refusalLines == 0, $"{refusalLines} log lines for {statuses[StatusCode.ResourceExhausted]} shed calls");

            // Read back every customer: an accepted call's events are all stored, a shed call's none.
            var stored = new ConcurrentDictionary<string, long>();
            await Parallel.ForEachAsync(calls.SelectMany(c => c.Customers), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (customer, ct) =>
                stored[customer] = await StoredEventsAsync(clients[0].Profiles, customer, ct));
            Assert.All(calls, c => Assert.All(c.Customers, customer =>
                Assert.Equal(c.Status == StatusCode.OK ? EventsPerCustomer : 0, stored[customer])));
        }
        catch
        {
            TestContext.Current.SendDiagnosticMessage("server log:\n" + server.LogTail(60));
            throw;
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
            File.Delete(log);
        }
    }

    /// <summary>Events stored for a customer, 0 when the server has none (NOT_FOUND).</summary>
    private static async Task<long> StoredEventsAsync(ProfileService.ProfileServiceClient profiles, string customer, CancellationToken ct)
    {
        try
        {
            var profile = await profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = Workspace, CustomerId = customer }, cancellationToken: ct);
            return profile.TotalEvents;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return 0;
        }
    }

    /// <summary>One TrackBatch call of its own customers, and how it ended.</summary>
    private sealed class FloodCall(int number)
    {
        public int Number => number;

        public IReadOnlyList<string> Customers { get; } = [.. Enumerable.Range(0, CustomersPerCall).Select(_ => Events.NewCustomerId())];

        public StatusCode Status { get; private set; }

        public RpcException? Error { get; private set; }

        public int Applied { get; private set; }

        public async Task SendAsync(IngestService.IngestServiceClient ingest)
        {
            var batch = new TrackBatchRequest
            {
                Events = { Customers.SelectMany(c => Enumerable.Range(0, EventsPerCustomer).Select(_ => Events.Make(c, workspaceId: Workspace))) },
            };
            try
            {
                // Generous: an admitted call finishes long before this, a shed one is answered at once.
                var response = await ingest.TrackBatchAsync(batch, deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: Ct);
                (Status, Applied) = (StatusCode.OK, response.Applied);
            }
            catch (RpcException ex)
            {
                (Status, Error) = (ex.StatusCode, ex);
            }
        }
    }

    private sealed class BootstrapClients(GrpcChannel channel)
    {
        private readonly CallInvoker _invoker = channel.Intercept(headers =>
        {
            headers.Add("authorization", $"Bearer {Key}");
            return headers;
        });

        public IngestService.IngestServiceClient Ingest => new(_invoker);

        public ProfileService.ProfileServiceClient Profiles => new(_invoker);

        public AdminService.AdminServiceClient Admin => new(_invoker);
    }
}
