using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>Bad input gets INVALID_ARGUMENT naming the field (and batch index), and nothing of the request is applied.</summary>
public sealed class IngestValidationTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private async Task<RpcException> RejectBatchAsync(params Event[] events)
    {
        var request = new TrackBatchRequest();
        request.Events.AddRange(events);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackBatchAsync(request, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("Nothing was applied", ex.Status.Detail, StringComparison.Ordinal);
        return ex;
    }

    private async Task AssertNothingAppliedAsync(string customerId)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(
            new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customerId }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task TrackBatch_OneEventWithoutCustomer_NamesItsIndexAndAppliesNothing()
    {
        var valid = Events.NewCustomerId();
        var missing = Events.Make(valid);
        missing.CustomerId = string.Empty;

        var ex = await RejectBatchAsync(Events.Make(valid), missing, Events.Make(valid));

        Assert.Equal(["events[1].customer_id"], GrpcErrors.ViolatedFields(ex));
        Assert.Contains("events[1].customer_id: is required", ex.Status.Detail, StringComparison.Ordinal);
        await AssertNothingAppliedAsync(valid);
    }

    [Fact]
    public async Task TrackBatch_SeveralBadFields_ReportsEveryOne()
    {
        var valid = Events.NewCustomerId();
        var longId = Events.Make(valid, eventId: new string('x', 129));
        var badType = Events.Make(valid, type: "Product Viewed");
        var future = Events.Make(valid, occurredAt: DateTimeOffset.UtcNow.AddHours(1));
        var noTime = Events.Make(valid);
        noTime.OccurredAt = null;
        var badWorkspace = Events.Make(valid, workspaceId: "ACME!");

        var ex = await RejectBatchAsync(Events.Make(valid), longId, badType, future, noTime, badWorkspace);

        Assert.Equal(
            ["events[1].event_id", "events[2].type", "events[3].occurred_at", "events[4].occurred_at", "events[5].workspace_id"],
            GrpcErrors.ViolatedFields(ex));
        await AssertNothingAppliedAsync(valid);
    }

    [Fact]
    public async Task TrackBatch_OverLongCustomerId_SaysTheLimit()
    {
        var ex = await RejectBatchAsync(Events.Make(new string('c', 257)));

        Assert.Contains("events[0].customer_id: must be at most 256 characters (got 257)", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackBatch_NonScalarOrNullProperties_AreRejectedByName()
    {
        var valid = Events.NewCustomerId();
        var evt = Events.Make(valid);
        evt.Properties["tags"] = Value.ForList(Value.ForString("a"));
        evt.Properties["gift"] = Value.ForNull();
        evt.Properties["ok"] = Value.ForBool(true);

        var ex = await RejectBatchAsync(evt);

        Assert.Equal(["events[0].properties[\"gift\"]", "events[0].properties[\"tags\"]"], GrpcErrors.ViolatedFields(ex).Order(StringComparer.Ordinal));
        await AssertNothingAppliedAsync(valid);
    }

    [Fact]
    public async Task TrackBatch_Empty_IsRejected()
    {
        var ex = await RejectBatchAsync();

        Assert.Equal(["events"], GrpcErrors.ViolatedFields(ex));
    }

    [Fact]
    public async Task TrackBatch_OverTheBatchLimit_IsRejectedWithoutApplyingAny()
    {
        var valid = Events.NewCustomerId();
        var events = Enumerable.Range(0, 1001).Select(_ => Events.Make(valid)).ToArray();

        var ex = await RejectBatchAsync(events);

        Assert.Equal(["events"], GrpcErrors.ViolatedFields(ex));
        Assert.Contains("at most 1000 events per batch", ex.Status.Detail, StringComparison.Ordinal);
        await AssertNothingAppliedAsync(valid);
    }

    [Fact]
    public async Task TrackBatch_PropertyOfTheWrongTypeForTheSchema_NamesItsIndexPropertyAndExpectedType()
    {
        var valid = Events.NewCustomerId();
        var purchase = Events.Make(valid, "purchase");
        purchase.Properties["revenue"] = Value.ForString("abc");

        var ex = await RejectBatchAsync(Events.Make(valid), purchase);

        Assert.Equal(["events[1].properties[\"revenue\"]"], GrpcErrors.ViolatedFields(ex));
        Assert.Contains("expected a number", ex.Status.Detail, StringComparison.Ordinal);
        await AssertNothingAppliedAsync(valid);
    }

    [Fact]
    public async Task Track_PropertyOfTheWrongTypeForTheSchema_IsRefusedUnderEvent()
    {
        var purchase = Events.Make(Events.NewCustomerId(), "purchase");
        purchase.Properties["revenue"] = Value.ForString("abc");

        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackAsync(new TrackRequest { Event = purchase }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["event.properties[\"revenue\"]"], GrpcErrors.ViolatedFields(ex));
        await AssertNothingAppliedAsync(purchase.CustomerId);
    }

    [Fact]
    public async Task TrackStream_BadBatchesAreAcknowledgedWithTheirRejection_AndTheStreamGoesOn()
    {
        var customer = Events.NewCustomerId();
        var wrongType = Events.Make(customer, "purchase");
        wrongType.Properties["revenue"] = Value.ForString("abc");
        using var call = Server.Ingest.TrackStream(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new TrackBatchRequest(), Ct);
        var oversized = new TrackBatchRequest();
        oversized.Events.AddRange(Enumerable.Range(0, 1001).Select(_ => Events.Make(customer)));
        await call.RequestStream.WriteAsync(oversized, Ct);
        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { Events.Make(customer), wrongType } }, Ct);
        await call.RequestStream.CompleteAsync();
        var acks = new List<TrackStreamAck>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync(Ct))
        {
            acks.Add(ack);
        }

        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct);
        Assert.Equal([(0L, 0), (1L, 0), (2L, 1)], acks.Select(a => (a.Batch, a.Applied)));
        Assert.Equal((-1, "events"), (acks[0].Rejections.Single().Index, acks[0].Rejections.Single().Field));
        Assert.Equal((-1, "events"), (acks[1].Rejections.Single().Index, acks[1].Rejections.Single().Field));
        Assert.Contains("at most 1000 events", acks[1].Rejections.Single().Description, StringComparison.Ordinal);
        Assert.Equal((1, "properties[\"revenue\"]"), (acks[2].Rejections.Single().Index, acks[2].Rejections.Single().Field));
        Assert.Equal(1, profile.TotalEvents);
    }

    [Theory]
    [InlineData("evil\u202Etxt")]
    [InlineData("ali\u200Bce")]
    [InlineData("bob\uFFFF")]
    public async Task Track_CustomerIdWithAnInvisibleCharacter_IsRefused_ButSuchAnIdCanStillBeLookedUp(string customer)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackAsync(new TrackRequest { Event = Events.Make(customer) }, cancellationToken: Ct).ResponseAsync);
        var lookup = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["event.customer_id"], GrpcErrors.ViolatedFields(ex));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode); // well formed for reading: such ids may be stored from before
    }

    [Fact]
    public async Task Track_WithoutEvent_NamesTheEventField()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackAsync(new TrackRequest(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["event"], GrpcErrors.ViolatedFields(ex));
    }

    [Fact]
    public async Task Track_InvalidEvent_FieldsAreUnderEvent()
    {
        var evt = Events.Make(Events.NewCustomerId(), type: "2fa");

        var ex = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.TrackAsync(new TrackRequest { Event = evt }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["event.type"], GrpcErrors.ViolatedFields(ex));
        await AssertNothingAppliedAsync(evt.CustomerId);
    }

    [Fact]
    public async Task ARequestOverTheMessageSizeLimit_IsRefusedBeforeAnyWork()
    {
        await using var small = await RunningServer.StartAsync(("ActorSegments:Ingest:MaxMessageBytes", "65536"));
        var customer = Events.NewCustomerId();
        var request = new TrackBatchRequest();
        for (var i = 0; i < 100; i++)
        {
            var evt = Events.Make(customer);
            evt.Properties["note"] = Value.ForString(new string('x', 1000));
            request.Events.Add(evt);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => small.Ingest.TrackBatchAsync(request, cancellationToken: Ct).ResponseAsync);
        var profile = await Assert.ThrowsAsync<RpcException>(() => small.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = customer }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(StatusCode.NotFound, profile.StatusCode);
    }
}
