using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>Identify, the full profile and segment explanations over a real channel.</summary>
public sealed class ProfileApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task AProfile_ShowsTraitsRfmLifecycleSegmentsInterestsAndCart()
    {
        var customer = Events.NewCustomerId();
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeSeconds()); // state keeps whole seconds
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = "profiles", SegmentId = "gold", Rule = "trait.country = \"NO\" and did(purchase)" }, cancellationToken: Ct);
        await TrackAsync(Purchase(customer, at, 120), Purchase(customer, at.AddDays(1), 80), View(customer, at.AddDays(2), "Audio", "p-7"), Cart(customer, at.AddDays(2)));
        var identified = await Server.Ingest.IdentifyAsync(new IdentifyRequest
        {
            WorkspaceId = "profiles",
            CustomerId = customer,
            UpdateId = "u-1",
            Traits = { ["country"] = Value.ForString("NO"), ["interests"] = Value.ForList(Value.ForString("audio"), Value.ForString("travel")), ["newsletter"] = Value.ForBool(true) },
        }, cancellationToken: Ct);
        var retried = await Server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = "profiles", CustomerId = customer, UpdateId = "u-1", Traits = { ["country"] = Value.ForString("SE") } }, cancellationToken: Ct);
        await Server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = "profiles", CustomerId = customer, Traits = { ["newsletter"] = Value.ForNull() } }, cancellationToken: Ct);

        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "profiles", CustomerId = customer }, cancellationToken: Ct);

        Assert.Equal((EventOutcome.Applied, EventOutcome.Duplicate), (identified.Outcome, retried.Outcome));
        Assert.Equal("NO", profile.Traits["country"].StringValue);
        Assert.Equal(["audio", "travel"], profile.Traits["interests"].ListValue.Values.Select(v => v.StringValue));
        Assert.False(profile.Traits.ContainsKey("newsletter"));
        Assert.Equal((2L, 2L, 200.0), (profile.Rfm.RecencyDays, profile.Rfm.Frequency, profile.Rfm.Monetary));
        Assert.Equal("repeat_buyer", profile.LifecycleStage);
        Assert.NotEmpty(profile.LifecycleHistory);
        Assert.Equal(["gold"], profile.Segments.Select(s => s.SegmentId));
        Assert.Equal("p-7", profile.TopProducts[0]);
        Assert.Contains("Audio", profile.TopCategories);
        Assert.True(profile.Cart.Open);
        Assert.Equal(at, profile.FirstSeen.ToDateTimeOffset());
    }

    [Fact]
    public async Task Identify_RefusesAValueOfTheWrongTypeForADeclaredTraitAndChangesNothing()
    {
        var customer = Events.NewCustomerId();
        await TrackAsync(View(customer, DateTimeOffset.UtcNow.AddHours(-1), "Audio", "p-1"));

        var wrong = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.IdentifyAsync(new IdentifyRequest
        {
            WorkspaceId = "profiles",
            CustomerId = customer,
            Traits = { ["signup_at"] = Value.ForString("not a date"), ["age"] = Value.ForString("thirty"), ["ok"] = Value.ForString("fine"), ["bad\u0001"] = Value.ForString("x"), ["obj"] = Value.ForStruct(new Struct()) },
        }, cancellationToken: Ct).ResponseAsync);
        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "profiles", CustomerId = customer }, cancellationToken: Ct);

        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.Equal(["traits[\"age\"]", "traits[\"bad\u0001\"]", "traits[\"obj\"]", "traits[\"signup_at\"]"], GrpcErrors.ViolatedFields(wrong).Order(StringComparer.Ordinal));
        Assert.Empty(profile.Traits);
    }

    [Fact]
    public async Task Identify_NamesWhatIsWrongWithAListTraitItsElementTypeOrItsLength()
    {
        var customer = Events.NewCustomerId();
        var numbers = Value.ForList(Value.ForString("vip"), Value.ForNumber(2));
        var tooLong = Value.ForList([.. Enumerable.Range(0, 101).Select(i => Value.ForString($"t{i}"))]);

        var wrongType = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = "profiles", CustomerId = customer, Traits = { ["tags"] = numbers } }, cancellationToken: Ct).ResponseAsync);
        var wrongLength = await Assert.ThrowsAsync<RpcException>(() => Server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = "profiles", CustomerId = customer, Traits = { ["tags"] = tooLong } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["traits[\"tags\"]"], GrpcErrors.ViolatedFields(wrongType));
        Assert.Contains("lists hold strings only; item [1] is a number", wrongType.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("at most 100 strings (got 101)", wrongLength.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_TracesEachConditionWithItsValueAndNextChange()
    {
        var customer = Events.NewCustomerId();
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = "profiles", SegmentId = "recent-viewers", Rule = "did(product_viewed, within 2d) and not did(purchase)" }, cancellationToken: Ct);
        await TrackAsync(View(customer, DateTimeOffset.UtcNow.AddHours(-1), "Audio", "p-1"));

        var explained = await Server.Profiles.ExplainSegmentAsync(new ExplainSegmentRequest { WorkspaceId = "profiles", CustomerId = customer, SegmentId = "recent-viewers" }, cancellationToken: Ct);
        var unknownSegment = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.ExplainSegmentAsync(new ExplainSegmentRequest { WorkspaceId = "profiles", CustomerId = customer, SegmentId = "nope" }, cancellationToken: Ct).ResponseAsync);
        var unknownCustomer = await Assert.ThrowsAsync<RpcException>(() => Server.Profiles.ExplainSegmentAsync(new ExplainSegmentRequest { WorkspaceId = "profiles", CustomerId = "never-seen", SegmentId = "recent-viewers" }, cancellationToken: Ct).ResponseAsync);

        Assert.True(explained.Matches);
        Assert.True(explained.Member);
        Assert.Equal(2, explained.Trace.Children.Count);
        var viewed = explained.Trace.Children[0];
        Assert.True(viewed.Result);
        Assert.NotNull(viewed.NextChange);
        Assert.Equal(StatusCode.NotFound, unknownSegment.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownCustomer.StatusCode);
    }

    [Fact]
    public async Task AStream_AcknowledgesEachBatchWithAppliedDuplicatesAndRejectedEvents()
    {
        var customer = Events.NewCustomerId();
        using var call = Server.Ingest.TrackStream(cancellationToken: Ct);
        var good = View(customer, DateTimeOffset.UtcNow.AddMinutes(-5), "Audio", "p-1");
        var future = Events.Make(customer, workspaceId: "profiles", occurredAt: DateTimeOffset.UtcNow.AddDays(1));
        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { good, future } }, Ct);
        await call.RequestStream.WriteAsync(new TrackBatchRequest { Events = { good, View(customer, DateTimeOffset.UtcNow.AddMinutes(-4), "Audio", "p-2") } }, Ct);
        await call.RequestStream.CompleteAsync();

        var acks = new List<TrackStreamAck>();
        await foreach (var ack in call.ResponseStream.ReadAllAsync(Ct))
        {
            acks.Add(ack);
        }

        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "profiles", CustomerId = customer }, cancellationToken: Ct);
        Assert.Equal([(0L, 1, 0), (1L, 1, 1)], acks.Select(a => (a.Batch, a.Applied, a.Duplicates)));
        var rejection = Assert.Single(acks[0].Rejections);
        Assert.Equal((1, "occurred_at"), (rejection.Index, rejection.Field));
        Assert.Empty(acks[1].Rejections);
        Assert.Equal(2, profile.TotalEvents);
    }

    private async Task TrackAsync(params Event[] events)
    {
        var request = new TrackBatchRequest();
        request.Events.AddRange(events);
        await Server.Ingest.TrackBatchAsync(request, cancellationToken: Ct);
    }

    private static Event Purchase(string customer, DateTimeOffset at, double revenue)
    {
        var evt = Events.Make(customer, "purchase", occurredAt: at, workspaceId: "profiles");
        evt.Properties["revenue"] = Value.ForNumber(revenue);
        return evt;
    }

    private static Event View(string customer, DateTimeOffset at, string category, string product)
    {
        var evt = Events.Make(customer, "product_viewed", occurredAt: at, workspaceId: "profiles");
        evt.Properties["category"] = Value.ForString(category);
        evt.Properties["product_id"] = Value.ForString(product);
        return evt;
    }

    private static Event Cart(string customer, DateTimeOffset at)
    {
        var evt = Events.Make(customer, "cart_added", occurredAt: at, workspaceId: "profiles");
        evt.Properties["price"] = Value.ForNumber(30);
        evt.Properties["quantity"] = Value.ForNumber(1);
        return evt;
    }
}
