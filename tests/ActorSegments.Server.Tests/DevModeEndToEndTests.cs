using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace ActorSegments.Server.Tests;

public sealed class DevModeEndToEndTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task Track_ThenGetCustomer_ShowsTheEvent()
    {
        var customer = Events.NewCustomerId();
        var at = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var evt = Events.Make(customer, "product_viewed", occurredAt: at);
        evt.Properties["category"] = Value.ForString("Smartphones");
        evt.Properties["price"] = Value.ForNumber(499);

        var tracked = await Server.Ingest.TrackAsync(new TrackRequest { Event = evt }, cancellationToken: Ct);
        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct);

        Assert.Equal(EventOutcome.Applied, tracked.Outcome);
        Assert.Equal(1, profile.TotalEvents);
        var type = Assert.Single(profile.EventTypes);
        Assert.Equal(("product_viewed", 1L), (type.Type, type.Count));
        Assert.Equal(at, type.FirstSeen.ToDateTimeOffset());
    }

    [Fact]
    public async Task Track_SameEventTwice_SecondIsDuplicate()
    {
        var evt = Events.Make(Events.NewCustomerId(), "purchase");

        await Server.Ingest.TrackAsync(new TrackRequest { Event = evt }, cancellationToken: Ct);
        var retry = await Server.Ingest.TrackAsync(new TrackRequest { Event = evt }, cancellationToken: Ct);

        Assert.Equal(EventOutcome.Duplicate, retry.Outcome);
    }

    [Fact]
    public async Task TrackBatch_SeveralCustomers_EachGetsItsOwnEvents()
    {
        var (alice, bob) = (Events.NewCustomerId(), Events.NewCustomerId());
        var batch = new TrackBatchRequest
        {
            Events =
            {
                Events.Make(alice, "product_viewed"), Events.Make(bob, "email_opened"),
                Events.Make(alice, "cart_added"), Events.Make(alice, "product_viewed"),
            },
        };

        var result = await Server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);
        var aliceProfile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = alice }, cancellationToken: Ct);
        var bobProfile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = bob }, cancellationToken: Ct);

        Assert.Equal((4, 0), (result.Applied, result.Duplicates));
        Assert.Equal(3, aliceProfile.TotalEvents);
        Assert.Equal(["cart_added", "product_viewed"], aliceProfile.EventTypes.Select(t => t.Type));
        Assert.Equal(1, bobProfile.TotalEvents);
    }

    [Fact]
    public async Task TrackBatch_RetriedAfterPartialDelivery_AppliesOnlyTheNewEvents()
    {
        var customer = Events.NewCustomerId();
        var first = Events.Make(customer, "purchase");
        await Server.Ingest.TrackAsync(new TrackRequest { Event = first }, cancellationToken: Ct);

        var retry = await Server.Ingest.TrackBatchAsync(
            new TrackBatchRequest { Events = { first, Events.Make(customer, "purchase") } }, cancellationToken: Ct);

        Assert.Equal((1, 1), (retry.Applied, retry.Duplicates));
    }

    [Fact]
    public async Task GetCustomer_NoEvents_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(
            new GetCustomerRequest { WorkspaceId = "acme", CustomerId = "never-seen" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains("never-seen", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCustomer_BadIds_IsInvalidArgumentNamingTheFields()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(
            new GetCustomerRequest { WorkspaceId = "Not Valid", CustomerId = "" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["workspace_id", "customer_id"], GrpcErrors.ViolatedFields(ex));
    }

    [Fact]
    public async Task Health_IsServingOnceTheSiloIsActive()
    {
        var health = new global::Grpc.Health.V1.Health.HealthClient(Server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task HttpEndpoint_AnswersHealthOverHttp1()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Server.HttpPort}/healthz"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Reflection_ListsTheApiServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Server.Channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("actorsegments.v1.IngestService", services);
        Assert.Contains("actorsegments.v1.ProfileService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
