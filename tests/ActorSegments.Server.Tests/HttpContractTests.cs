using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ActorSegments.Protos.V1;

namespace ActorSegments.Server.Tests;

/// <summary>
/// The HTTP/JSON routes keep the gRPC contract: the same message limit (413 instead of RESOURCE_EXHAUSTED), unknown
/// fields and text that is not Unicode refused with 400 naming the field, and ids with '/' readable in the path.
/// </summary>
public sealed class HttpContractTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task ABodyOverTheMessageLimit_IsRefusedWith413WhetherOrNotItsLengthIsDeclared()
    {
        await using var small = await RunningServer.StartAsync(("ActorSegments:Ingest:MaxMessageBytes", "65536"));
        using var http = Client(small);
        var customer = Events.NewCustomerId();
        var body = BatchJson(customer, events: 100, noteLength: 1000); // about 110 kB

        using var declared = await http.PostAsync("/v1/events:batch", Json(body), Ct);
        using var chunked = await http.PostAsync("/v1/events:batch", Chunked(body), Ct);
        using var fits = await http.PostAsync("/v1/events:batch", Json(BatchJson(customer, events: 2, noteLength: 10)), Ct);
        var error = JsonDocument.Parse(await declared.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (declared.StatusCode, chunked.StatusCode));
        Assert.Equal(8, error.GetProperty("code").GetInt32()); // RESOURCE_EXHAUSTED, as over gRPC
        Assert.Contains("at most 65536 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        Assert.Contains("\"applied\":2", await fits.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultLimit_RefusesASixMegabyteBatchBeforeApplyingAnyOfIt()
    {
        using var http = Client(Server);
        var customer = Events.NewCustomerId();

        using var response = await http.PostAsync("/v1/events:batch", Json(BatchJson(customer, events: 1000, noteLength: 1000, properties: 6)), Ct);
        using var profile = await http.GetAsync($"/v1/workspaces/acme/customers/{customer}", Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
    }

    [Fact]
    public async Task AnUnknownFieldInAWrite_IsRefusedNamingItAndNothingIsApplied()
    {
        using var http = Client(Server);
        var customer = Events.NewCustomerId();
        var body = $$$$"""{"event": {"workspaceId": "acme", "customerId": "{{{{customer}}}}", "eventId": "e-1", "type": "purchase", "occurredAt": "{{{{Recent}}}}", "propertes": {"revenue": 10}}}""";

        using var response = await http.PostAsync("/v1/events:track", Json(body), Ct);
        using var misspeltTop = await http.PostAsync("/v1/events:batch", Json("""{"event": []}"""), Ct);
        using var profile = await http.GetAsync($"/v1/workspaces/acme/customers/{customer}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["event.propertes"], await ViolatedFieldsAsync(response));
        Assert.Contains("did you mean 'properties'", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["event"], await ViolatedFieldsAsync(misspeltTop));
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
    }

    [Fact]
    public async Task TextThatIsNotUnicode_IsRefusedWith400NamingTheField()
    {
        using var http = Client(Server);
        var surrogate = $$$$"""{"event": {"workspaceId": "acme", "customerId": "\ud800", "eventId": "e-1", "type": "purchase", "occurredAt": "{{{{Recent}}}}"}}""";
        byte[] invalidUtf8 = [.. "{\"event\": {\"workspaceId\": \"acme\", \"customerId\": \"x"u8, 0xED, 0xA0, 0x80, .. "\", \"eventId\": \"e\", \"type\": \"purchase\"}}"u8];
        var property = $$$$"""{"event": {"workspaceId": "acme", "customerId": "c", "eventId": "e-1", "type": "purchase", "occurredAt": "{{{{Recent}}}}", "properties": {"note": "\udc00x"}}}""";

        using var lone = await http.PostAsync("/v1/events:track", Json(surrogate), Ct);
        using var bytes = await http.PostAsync("/v1/events:track", new ByteArrayContent(invalidUtf8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, Ct);
        using var inMap = await http.PostAsync("/v1/events:track", Json(property), Ct);
        using var notJson = await http.PostAsync("/v1/events:track", Json("""{"event": {"""), Ct);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { lone.StatusCode, bytes.StatusCode, inMap.StatusCode, notJson.StatusCode });
        Assert.Equal(["event.customer_id"], await ViolatedFieldsAsync(lone));
        Assert.Equal(["event.customer_id"], await ViolatedFieldsAsync(bytes));
        Assert.Equal(["event.properties[\"note\"]"], await ViolatedFieldsAsync(inMap));
        Assert.Equal(["body"], await ViolatedFieldsAsync(notJson));
        Assert.Contains("line 1", await notJson.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerIdWithASlashOrAPercentSign_IsReadWithStandardUrlEscaping()
    {
        using var http = Client(Server);
        var slash = $"{Events.NewCustomerId()}/eu";
        var percent = $"{Events.NewCustomerId()}%2Fx";
        var batch = new TrackBatchRequest { Events = { Events.Make(slash), Events.Make(percent) } };
        await Server.Ingest.TrackBatchAsync(batch, cancellationToken: Ct);

        using var bySlash = await http.GetAsync($"/v1/workspaces/acme/customers/{Uri.EscapeDataString(slash)}", Ct);
        using var byPercent = await http.GetAsync($"/v1/workspaces/acme/customers/{Uri.EscapeDataString(percent)}", Ct);
        using var identified = await http.PostAsync($"/v1/workspaces/acme/customers/{Uri.EscapeDataString(slash)}:identify", Json("""{"traits": {"country": "SE"}}"""), Ct);
        var slashProfile = await Server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "acme", CustomerId = slash }, cancellationToken: Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (bySlash.StatusCode, byPercent.StatusCode, identified.StatusCode));
        Assert.Equal(slash, JsonDocument.Parse(await bySlash.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("customerId").GetString());
        Assert.Equal(percent, JsonDocument.Parse(await byPercent.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("customerId").GetString());
        Assert.Equal("SE", slashProfile.Traits["country"].StringValue);
    }

    private static string Recent => DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");

    private static string BatchJson(string customer, int events, int noteLength, int properties = 1) => JsonSerializer.Serialize(new
    {
        events = Enumerable.Range(0, events).Select(i => new
        {
            workspaceId = "acme",
            customerId = customer,
            eventId = $"e-{i}",
            type = "product_viewed",
            occurredAt = Recent,
            properties = Enumerable.Range(0, properties).ToDictionary(p => $"note{p}", _ => new string('x', noteLength)),
        }),
    });

    private static async Task<List<string>> ViolatedFieldsAsync(HttpResponseMessage response)
    {
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return [.. error.GetProperty("details").EnumerateArray()
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => v.GetProperty("field").GetString()!)];
    }

    private static HttpClient Client(RunningServer server)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The same body without a Content-Length: the server only finds out how large it is by reading it.</summary>
    private static StreamContent Chunked(string body)
    {
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
