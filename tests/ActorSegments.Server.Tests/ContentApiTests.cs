using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>
/// RenderTemplate and PreviewTemplate over a real channel: customers made members of a segment by their purchases and
/// assigned to experiment arms by ingested events, then rendered.
/// </summary>
public sealed class ContentApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const string Offer = """
        {% if segments contains "repeat" %}Thanks for coming back{% else %}Welcome{% endif %}, {{ traits.first_name | default: "there" }}!
        {% if experiments.spring_sale == "treatment" %}20% off this week{% else %}See what's new{% endif %}
        """;

    private ContentService.ContentServiceClient Content => new(Server.As(RunningServer.BootstrapKey).Invoker);

    [Fact]
    public async Task RenderTemplate_MemberInTreatmentArm_GetsBothConditionalBlocks()
    {
        var ws = await WorkspaceAsync();
        await CustomerAsync(ws, "ann", purchases: 2, arm: "treatment", firstName: "Ann");
        await CustomerAsync(ws, "bob", purchases: 1, arm: "holdout");
        await CustomerAsync(ws, "cyd", purchases: 2, arm: null);

        var ann = await RenderAsync(ws, "ann", Offer);
        var bob = await RenderAsync(ws, "bob", Offer);
        var cyd = await RenderAsync(ws, "cyd", Offer);

        Assert.Equal("Thanks for coming back, Ann!\n20% off this week", ann.Content);
        Assert.Equal("Welcome, there!\nSee what's new", bob.Content);
        Assert.Equal("Thanks for coming back, there!\nSee what's new", cyd.Content);
    }

    [Fact]
    public async Task RenderTemplate_ReadsTheArmTheProfileShows()
    {
        var ws = await WorkspaceAsync();
        await CustomerAsync(ws, "dee", purchases: 1, arm: "holdout");

        var profile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = ws, CustomerId = "dee" }, cancellationToken: Ct);
        var rendered = await RenderAsync(ws, "dee", "{{ experiments.spring_sale }}|{{ merge.lifecycle_stage }}|{{ segments | join: ',' }}");

        Assert.Equal("holdout", profile.Experiments["spring_sale"]);
        Assert.Equal($"holdout|{profile.MergeFields["lifecycle_stage"]}|{string.Join(',', profile.Segments.Select(s => s.SegmentId))}", rendered.Content);
    }

    [Fact]
    public async Task PreviewTemplate_OverASegment_GivesTheVariantCountsOfADirectComputation()
    {
        var ws = await WorkspaceAsync();
        var customers = Enumerable.Range(0, 24).Select(i => (Id: $"p{i:D2}", Purchases: 1 + (i % 3 == 0 ? 1 : 0), Arm: (i % 4) switch { 0 or 1 => "treatment", 2 => "holdout", _ => null })).ToList();
        foreach (var c in customers)
        {
            await CustomerAsync(ws, c.Id, c.Purchases, c.Arm);
        }

        var all = await PreviewAsync(ws, "buyers", Offer, sampleSize: 0);
        var sample = await PreviewAsync(ws, "buyers", Offer, sampleSize: 10);

        Assert.Equal((24L, 24), (all.Members, all.Sampled));
        Assert.Equal(Expected(customers), all.Variants.Select(v => (v.Content, v.Customers)).ToHashSet());
        Assert.Equal(0, all.CustomersInOtherVariants);
        Assert.Equal((24L, 10), (sample.Members, sample.Sampled));
        Assert.Equal(Expected(customers.OrderBy(c => c.Id, StringComparer.Ordinal).Take(10)), sample.Variants.Select(v => (v.Content, v.Customers)).ToHashSet());
        var treated = all.Variants.Single(v => v.Content == "Thanks for coming back, there!\n20% off this week");
        Assert.Equal(customers.Where(c => c.Purchases >= 2 && c.Arm == "treatment").Select(c => c.Id).Order(StringComparer.Ordinal).Take(5), treated.ExampleCustomerIds);
    }

    [Fact]
    public async Task RenderTemplate_BrokenTemplate_IsInvalidArgumentAtItsLineAndColumn()
    {
        var ws = await WorkspaceAsync();
        await CustomerAsync(ws, "eve", purchases: 1, arm: null);

        var error = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(ws, "eve", "Hello\n{% if segments contains \"vip\" %}\n  {{ traits.first_name | }}\n"));
        var preview = await Assert.ThrowsAsync<RpcException>(() => PreviewAsync(ws, "buyers", "{% for r in recommendations %}", 0));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["template:3:25"], GrpcErrors.ViolatedFields(error));
        Assert.Contains("line 3, column 25: An identifier was expected after the '|' sign", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, preview.StatusCode);
        Assert.Contains("'{% endfor %}' was expected", preview.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderTemplate_EndlessLoop_IsFailedPreconditionNamingTheLimit()
    {
        var ws = await WorkspaceAsync();
        await CustomerAsync(ws, "fay", purchases: 1, arm: null);

        var error = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(ws, "fay", "{% for i in (1..1000) %}{% for j in (1..1000) %}{% assign k = j %}{% endfor %}{% endfor %}"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("customer 'fay'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("100000 steps", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_UnknownCustomerOrSegment_AreNotFound_AndBadSampleSizesOrEmptyTemplatesAreRefused()
    {
        var ws = await WorkspaceAsync();

        var customer = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(ws, "nobody", "hi"));
        var segment = await Assert.ThrowsAsync<RpcException>(() => PreviewAsync(ws, "no-such-segment", "hi", 0));
        var sample = await Assert.ThrowsAsync<RpcException>(() => PreviewAsync(ws, "buyers", "hi", 501));
        var empty = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(ws, "nobody", ""));

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (customer.StatusCode, segment.StatusCode));
        Assert.Equal(["sample_size"], GrpcErrors.ViolatedFields(sample));
        Assert.Equal(["template"], GrpcErrors.ViolatedFields(empty));
    }

    [Fact]
    public async Task RenderTemplate_KeyOfAnotherWorkspace_IsPermissionDenied()
    {
        var ws = await WorkspaceAsync();
        var other = ExperimentMessages.NewWorkspace();
        await Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = other }, cancellationToken: Ct);
        var key = await Server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = other, Name = "reader", Scopes = { "read" } }, cancellationToken: Ct);
        var content = new ContentService.ContentServiceClient(Server.As(key.Secret).Invoker);

        var denied = await Assert.ThrowsAsync<RpcException>(() => content.RenderTemplateAsync(new RenderTemplateRequest { WorkspaceId = ws, CustomerId = "x", Template = "hi" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task JsonRoutes_RenderAndPreview_AnswerLikeGrpc_AndABrokenTemplateIs400WithItsPosition()
    {
        var ws = await WorkspaceAsync();
        await CustomerAsync(ws, "gus", purchases: 2, arm: "treatment", firstName: "Gus");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);
        var body = JsonSerializer.Serialize(new { template = Offer, plainText = true });

        using var rendered = await http.PostAsync($"/v1/workspaces/{ws}/customers/gus:renderTemplate", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        using var previewed = await http.PostAsync($"/v1/workspaces/{ws}/segments/repeat:previewTemplate", new StringContent(JsonSerializer.Serialize(new { template = Offer, sampleSize = 5 }), Encoding.UTF8, "application/json"), Ct);
        using var broken = await http.PostAsync($"/v1/workspaces/{ws}/customers/gus:renderTemplate", new StringContent("""{"template": "a\n{% if x %}"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Equal("Thanks for coming back, Gus!\n20% off this week", JsonDocument.Parse(await rendered.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("content").GetString());
        var preview = JsonDocument.Parse(await previewed.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(1, preview.GetProperty("sampled").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("template:2:", await broken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>The same rules as <see cref="Offer"/>, computed directly from how the customers were made.</summary>
    private static HashSet<(string, int)> Expected(IEnumerable<(string Id, int Purchases, string? Arm)> customers) =>
        customers
            .GroupBy(c => $"{(c.Purchases >= 2 ? "Thanks for coming back" : "Welcome")}, there!\n{(c.Arm == "treatment" ? "20% off this week" : "See what's new")}")
            .Select(g => (g.Key, g.Count()))
            .ToHashSet();

    private Task<RenderTemplateResponse> RenderAsync(string ws, string customer, string template) =>
        Content.RenderTemplateAsync(new RenderTemplateRequest { WorkspaceId = ws, CustomerId = customer, Template = template }, cancellationToken: Ct).ResponseAsync;

    private Task<PreviewTemplateResponse> PreviewAsync(string ws, string segment, string template, int sampleSize) =>
        Content.PreviewTemplateAsync(new PreviewTemplateRequest { WorkspaceId = ws, SegmentId = segment, Template = template, SampleSize = sampleSize }, cancellationToken: Ct).ResponseAsync;

    /// <summary>A workspace with segments "buyers" and "repeat" and a running externally assigned experiment "spring_sale".</summary>
    private async Task<string> WorkspaceAsync()
    {
        var ws = ExperimentMessages.NewWorkspace();
        await Server.Admin.PutSchemaAsync(new PutSchemaRequest
        {
            WorkspaceId = ws,
            SchemaJson = ExperimentMessages.SendLogSchema,
        }, cancellationToken: Ct);
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "repeat", Rule = "count(purchase) >= 2" }, cancellationToken: Ct);
        var experiment = ExperimentMessages.Campaign("spring_sale");
        experiment.Assignment = AssignmentMode.External;
        experiment.Audience = string.Empty;
        experiment.External = new ExternalAssignment { EventType = "experiment_assigned", ExperimentProperty = "experiment", ArmProperty = "arm" };
        var experiments = new ExperimentService.ExperimentServiceClient(Server.As(RunningServer.BootstrapKey).Invoker);
        await experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = experiment }, cancellationToken: Ct);
        await experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "spring_sale" }, cancellationToken: Ct);
        return ws;
    }

    private async Task CustomerAsync(string ws, string id, int purchases, string? arm, string? firstName = null)
    {
        var request = new TrackBatchRequest();
        var at = DateTimeOffset.UtcNow.AddHours(-6);
        if (arm is not null)
        {
            var assigned = Events.Make(id, "experiment_assigned", $"assign-{id}", at, ws);
            assigned.Properties.Add("experiment", Value.ForString("spring_sale"));
            assigned.Properties.Add("arm", Value.ForString(arm));
            request.Events.Add(assigned);
        }

        for (var i = 0; i < purchases; i++)
        {
            var purchase = Events.Make(id, "purchase", $"order-{id}-{i}", at.AddHours(1 + i), ws);
            purchase.Properties.Add("revenue", Value.ForNumber(10 + i));
            request.Events.Add(purchase);
        }

        Assert.Equal(request.Events.Count, (await Server.Ingest.TrackBatchAsync(request, cancellationToken: Ct)).Applied);
        if (firstName is not null)
        {
            await Server.Ingest.IdentifyAsync(new IdentifyRequest { WorkspaceId = ws, CustomerId = id, Traits = { ["first_name"] = Value.ForString(firstName) } }, cancellationToken: Ct);
        }
    }
}
