using ActorSegments.Protos.V1;
using Google.Protobuf;

namespace ActorSegments.Cli.Tests.Commands;

public sealed class ExperimentCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private const string Definition = """
        {
          "experimentId": "spring_sale",
          "name": "Spring sale email",
          "channel": "email",
          "assignment": "ASSIGNMENT_MODE_RANDOMIZED",
          "audience": "did(product_viewed)",
          "arms": [
            {"name": "treatment", "weight": 9},
            {"name": "holdout", "weight": 1, "control": true}
          ],
          "metrics": [
            {"name": "purchase_14d", "kind": "METRIC_KIND_CONVERSION", "eventType": "purchase", "days": 14},
            {"name": "revenue_30d", "kind": "METRIC_KIND_REVENUE", "eventType": "purchase", "property": "revenue", "days": 30}
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("cli-experiments-").FullName;

    [Fact]
    public async Task CreateStartStop_FromAFile_PrintsTheExperimentAsItStands()
    {
        const string Workspace = "exp-lifecycle";
        var file = await WriteAsync(Definition);

        var (createExit, created) = await server.RunAsync(Workspace, "experiments", "create", "--file", file);
        var (startExit, started) = await server.RunAsync(Workspace, "experiments", "start", "spring_sale", "--expected-version", "1");
        var (listExit, listed) = await server.RunAsync(Workspace, "experiments", "list");
        var (stopExit, stopped) = await server.RunAsync(Workspace, "experiments", "stop", "spring_sale");
        var (againExit, again) = await server.RunAsync(Workspace, "experiments", "stop", "spring_sale");

        Assert.True(createExit == 0, created);
        Assert.Contains("experiment spring_sale: Spring sale email", created, StringComparison.Ordinal);
        Assert.Contains("draft", created, StringComparison.Ordinal);
        Assert.Contains("90.0%", created, StringComparison.Ordinal);
        Assert.Contains("exp-spring_sale-treatment", created, StringComparison.Ordinal);
        Assert.Contains("purchase_14d (primary)", created, StringComparison.Ordinal);
        Assert.Contains("conversion: purchase within 14 days", created, StringComparison.Ordinal);
        Assert.True(startExit == 0, started);
        Assert.Contains("running", started, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("treatment, holdout", listed, StringComparison.Ordinal);
        Assert.True(stopExit == 0, stopped);
        Assert.Contains("stopped", stopped, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, againExit);
        Assert.Contains("FAILED_PRECONDITION", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowJson_IsAFileUpdateTakes()
    {
        const string Workspace = "exp-json";
        await server.RunAsync(Workspace, "experiments", "create", "--file", await WriteAsync(Definition));

        var (showExit, shown) = await server.RunAsync(Workspace, "experiments", "show", "spring_sale", "--format", "json");
        var parsed = JsonParser.Default.Parse<Experiment>(shown);
        parsed.Name = "Spring sale, second wave";
        var (updateExit, updated) = await server.RunAsync(Workspace, "experiments", "update", "--file", await WriteAsync(JsonFormatter.Default.Format(parsed)), "--expected-version", "1");
        using var connection = server.Connect(Workspace);
        var read = await connection.Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = Workspace, ExperimentId = "spring_sale" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, showExit);
        Assert.Contains("\"experimentId\": \"spring_sale\"", shown, StringComparison.Ordinal);
        Assert.True(updateExit == 0, updated);
        Assert.Equal(("Spring sale, second wave", 2), (read.Name, read.Version));
    }

    [Fact]
    public async Task Create_InvalidDefinition_PrintsEveryFieldAtFaultAndSavesNothing()
    {
        const string Workspace = "exp-invalid";
        var file = await WriteAsync(Definition.Replace("\"weight\": 9", "\"weight\": -2", StringComparison.Ordinal).Replace("\"eventType\": \"purchase\", \"days\": 14", "\"eventType\": \"purchse\", \"days\": 14", StringComparison.Ordinal));

        var (exit, output) = await server.RunAsync(Workspace, "experiments", "create", "--file", file);
        var (listExit, listed) = await server.RunAsync(Workspace, "experiments", "list");

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("INVALID_ARGUMENT", output, StringComparison.Ordinal);
        Assert.Contains("arms[0].weight: expected a positive number (got -2)", output, StringComparison.Ordinal);
        Assert.Contains("metrics[0].event_type: 'purchse' is not a declared event type", output, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.StartsWith("No experiments yet", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"experimentId\": \"x\", ")]
    [InlineData("{\"experimentId\": \"x\", \"audiences\": \"did(purchase)\"}")]
    public async Task Create_FileNotAnExperiment_IsAUsageErrorAndSendsNothing(string content)
    {
        var (exit, output) = await server.RunAsync("exp-usage", "experiments", "create", "--file", await WriteAsync(content));
        var (missingExit, _) = await server.RunAsync("exp-usage", "experiments", "create", "--file", Path.Combine(_directory, "none.json"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missingExit);
    }

    [Fact]
    public async Task Results_TableAndJson_ShowEveryArmAndSayWhichFiguresAreWhich()
    {
        const string Workspace = "exp-results";
        await server.RunAsync(Workspace, "experiments", "create", "--file", await WriteAsync(Definition));
        await server.RunAsync(Workspace, "experiments", "start", "spring_sale");

        var (tableExit, table) = await server.RunAsync(Workspace, "experiments", "results", "spring_sale");
        var (jsonExit, json) = await server.RunAsync(Workspace, "experiments", "results", "spring_sale", "--format", "json");
        var parsed = JsonParser.Default.Parse<GetExperimentResultsResponse>(json);

        Assert.True(tableExit == 0, table);
        Assert.Contains("metric purchase_14d (primary): conversion: purchase within 14 days", table, StringComparison.Ordinal);
        Assert.Contains("metric revenue_30d: revenue: sum of purchase.revenue within 30 days", table, StringComparison.Ordinal);
        Assert.Contains("vs holdout, fixed horizon: valid once, at a sample size fixed in advance:", table, StringComparison.Ordinal);
        Assert.Contains("vs holdout, always valid: safe to check at every look:", table, StringComparison.Ordinal);
        Assert.Contains("not enough data", table, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", table, StringComparison.Ordinal);
        Assert.Equal(0, jsonExit);
        Assert.Equal(["treatment", "holdout"], parsed.Reach.Select(r => r.Arm));
        Assert.Equal(ExperimentStatus.Running, parsed.Experiment.Status);
        Assert.Contains("\"sampleRatioMismatch\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TableAndJson_ListRunningExperiments()
    {
        const string Workspace = "exp-report";
        await server.RunAsync(Workspace, "experiments", "create", "--file", await WriteAsync(Definition));
        var (emptyExit, empty) = await server.RunAsync(Workspace, "experiments", "report");
        await server.RunAsync(Workspace, "experiments", "start", "spring_sale");

        var (tableExit, table) = await server.RunAsync(Workspace, "experiments", "report");
        var (jsonExit, json) = await server.RunAsync(Workspace, "experiments", "report", "--format", "json");

        Assert.Equal(0, emptyExit);
        Assert.StartsWith("No running or stopped experiments yet", empty, StringComparison.Ordinal);
        Assert.True(tableExit == 0, table);
        Assert.Contains("treatment vs holdout", table, StringComparison.Ordinal);
        Assert.Contains("spring_sale: treatment vs holdout: not enough data yet", table, StringComparison.Ordinal);
        Assert.Equal(0, jsonExit);
        Assert.Equal("spring_sale", Assert.Single(JsonParser.Default.Parse<GetExperimentReportResponse>(json).Experiments).ExperimentId);
    }

    [Fact]
    public async Task Size_DefaultPowerAndAlpha_PrintsCustomersPerArm()
    {
        var (exit, output) = await server.RunAsync("exp-size", "experiments", "size", "--baseline", "0.05", "--mde", "0.01");
        var (strictExit, strict) = await server.RunAsync("exp-size", "experiments", "size", "--baseline", "0.10", "--mde", "0.02", "--power", "0.9", "--alpha", "0.01");
        var (badExit, bad) = await server.RunAsync("exp-size", "experiments", "size", "--baseline", "1.5", "--mde", "0.01");

        Assert.Equal(0, exit);
        Assert.Contains("customers per arm: 8,158 (16,316 for a control and one arm)", output, StringComparison.Ordinal);
        Assert.Contains("to detect 5.00% -> 6.00% (+1.00 pp) with 80% power at alpha 0.05", output, StringComparison.Ordinal);
        Assert.Equal(0, strictExit);
        Assert.Contains("customers per arm: 7,281", strict, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, badExit);
        Assert.Contains("baseline_rate: must be strictly between 0 and 1", bad, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string content)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
