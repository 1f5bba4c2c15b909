using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ActorSegments.Server.Tests;

/// <summary>The same API over plain HTTP/1.1 and JSON, as curl or a webhook relay would call it.</summary>
public sealed class JsonTranscodingTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task EventsPostedAsJson_AreAppliedAndTheProfileReadsBackAsJson()
    {
        using var http = Client(RunningServer.BootstrapKey);
        var customer = Events.NewCustomerId();
        var body = JsonSerializer.Serialize(new
        {
            @event = new
            {
                workspaceId = "http",
                customerId = customer,
                eventId = "e-1",
                type = "purchase",
                occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
                properties = new { revenue = 42.5, category = "Audio" },
            },
        });

        using var tracked = await http.PostAsync("/v1/events:track", Json(body), Ct);
        using var profile = await http.GetAsync($"/v1/workspaces/http/customers/{customer}", Ct);
        var json = JsonDocument.Parse(await profile.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains("EVENT_OUTCOME_APPLIED", await tracked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("1", json.GetProperty("totalEvents").ToString());
        Assert.Equal(42.5, json.GetProperty("rfm").GetProperty("monetary").GetDouble());
    }

    [Fact]
    public async Task Errors_KeepTheirMeaningOverHttp()
    {
        using var anonymous = Client(apiKey: null);
        using var admin = Client(RunningServer.BootstrapKey);

        using var noKey = await anonymous.GetAsync("/v1/workspaces/http/segments", Ct);
        using var invalid = await admin.PostAsync("/v1/events:track", Json("""{"event": {"workspaceId": "http", "customerId": "c", "eventId": "e", "type": "Bad Type"}}"""), Ct);
        using var missing = await admin.GetAsync("/v1/workspaces/http/segments/none", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("event.type", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
