using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ActorSegments.Protos.V1;
using Google.Protobuf;

namespace ActorSegments.Server.Tests;

/// <summary>The experiment API over HTTP/JSON, as curl or a marketing tool calls it: the routes of experiments.proto.</summary>
public sealed class ExperimentJsonRouteTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const string Body = """
        {
          "experimentId": "welcome_push",
          "name": "Welcome push",
          "channel": "push",
          "assignment": "ASSIGNMENT_MODE_RANDOMIZED",
          "audience": "did(product_viewed, within 30d)",
          "arms": [
            {"name": "push", "weight": 9},
            {"name": "holdout", "weight": 1, "control": true}
          ],
          "metrics": [
            {"name": "purchase_7d", "kind": "METRIC_KIND_CONVERSION", "eventType": "purchase", "where": "revenue > 0", "days": 7}
          ]
        }
        """;

    [Fact]
    public async Task Experiment_CreatedOverHttp_ReadsBackAsTheSameMessageOverHttpAndGrpc()
    {
        var ws = ExperimentMessages.NewWorkspace();
        using var http = Client();

        using var created = await http.PostAsync($"/v1/workspaces/{ws}/experiments", Json(Body), Ct);
        using var read = await http.GetAsync($"/v1/workspaces/{ws}/experiments/welcome_push", Ct);
        var overHttp = JsonParser.Default.Parse<Experiment>(await read.Content.ReadAsStringAsync(Ct));
        var overGrpc = await Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = ws, ExperimentId = "welcome_push" }, cancellationToken: Ct);
        var sent = JsonParser.Default.Parse<Experiment>(Body);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(overGrpc, overHttp);
        Assert.Equal(sent.Arms.Select(a => (a.Name, a.Weight, a.Control)), overHttp.Arms.Select(a => (a.Name, a.Weight, a.Control)));
        Assert.Equal(sent.Metrics, overHttp.Metrics);
        Assert.Equal((sent.Audience, "welcome_push", ExperimentStatus.Draft), (overHttp.Audience, overHttp.Salt, overHttp.Status));
    }

    [Fact]
    public async Task Experiment_UpdatedStartedAndReadOverHttp_FollowsTheRoutes()
    {
        var ws = ExperimentMessages.NewWorkspace();
        using var http = Client();
        await http.PostAsync($"/v1/workspaces/{ws}/experiments", Json(Body), Ct);

        // The path names the experiment: the body need not repeat its id.
        var renamed = Body.Replace("Welcome push", "Welcome push v2", StringComparison.Ordinal).Replace("\"experimentId\": \"welcome_push\",", "", StringComparison.Ordinal);
        using var updated = await http.PutAsync($"/v1/workspaces/{ws}/experiments/welcome_push?expectedVersion=1", Json(renamed), Ct);
        var otherId = Body.Replace("\"experimentId\": \"welcome_push\"", "\"experimentId\": \"other\"", StringComparison.Ordinal);
        using var pathWins = await http.PutAsync($"/v1/workspaces/{ws}/experiments/welcome_push?expectedVersion=2", Json(otherId), Ct);
        using var started = await http.PostAsync($"/v1/workspaces/{ws}/experiments/welcome_push:start", Json("{}"), Ct);
        using var results = await http.GetAsync($"/v1/workspaces/{ws}/experiments/welcome_push/results", Ct);
        using var listed = await http.GetAsync($"/v1/workspaces/{ws}/experiments", Ct);
        using var report = await http.GetAsync($"/v1/workspaces/{ws}/experiments:report", Ct);
        using var stopped = await http.PostAsync($"/v1/workspaces/{ws}/experiments/welcome_push:stop", Json("""{"expectedVersion": 4}"""), Ct);
        using var size = await http.GetAsync($"/v1/workspaces/{ws}/experiments:size?baselineRate=0.05&minimumDetectableEffect=0.01", Ct);

        Assert.Equal("Welcome push v2", await PropertyAsync(updated, "name"));
        Assert.Equal(("welcome_push", "3"), (await PropertyAsync(pathWins, "experimentId"), await PropertyAsync(pathWins, "version")));
        Assert.Equal("EXPERIMENT_STATUS_RUNNING", await PropertyAsync(started, "status"));
        var resultsJson = JsonParser.Default.Parse<GetExperimentResultsResponse>(await results.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["push", "holdout"], resultsJson.Reach.Select(r => r.Arm));
        Assert.False(resultsJson.SampleRatioMismatch.Mismatch);
        Assert.Single(JsonParser.Default.Parse<ListExperimentsResponse>(await listed.Content.ReadAsStringAsync(Ct)).Experiments);
        Assert.Equal("welcome_push", Assert.Single(JsonParser.Default.Parse<GetExperimentReportResponse>(await report.Content.ReadAsStringAsync(Ct)).Experiments).ExperimentId);
        Assert.Equal("EXPERIMENT_STATUS_STOPPED", await PropertyAsync(stopped, "status"));
        Assert.Equal("8158", await PropertyAsync(size, "customersPerArm"));
    }

    [Fact]
    public async Task Experiment_InvalidOverHttp_Is400NamingTheFieldsOfTheBody()
    {
        var ws = ExperimentMessages.NewWorkspace();
        using var http = Client();

        using var invalid = await http.PostAsync($"/v1/workspaces/{ws}/experiments", Json(Body.Replace("\"weight\": 9", "\"weight\": 0", StringComparison.Ordinal)), Ct);
        using var unknownMember = await http.PostAsync($"/v1/workspaces/{ws}/experiments", Json(Body.Replace("\"audience\"", "\"audiences\"", StringComparison.Ordinal)), Ct);
        using var missing = await http.GetAsync($"/v1/workspaces/{ws}/experiments/nothing/results", Ct);
        using var badSize = await http.GetAsync($"/v1/workspaces/{ws}/experiments:size?baselineRate=0.05&minimumDetectableEffect=0.99", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("arms[0].weight", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
        Assert.Contains("audiences", await unknownMember.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.Contains("minimum_detectable_effect", await badSize.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private ExperimentService.ExperimentServiceClient Experiments => new(Server.As(RunningServer.BootstrapKey).Invoker);

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.HttpPort}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningServer.BootstrapKey);
        return client;
    }

    private static async Task<string> PropertyAsync(HttpResponseMessage response, string name)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty(name).ToString();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
