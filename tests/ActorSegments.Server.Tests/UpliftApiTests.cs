using System.Text.Json;
using System.Text.Json.Nodes;
using ActorSegments.Datasets.Synthetic;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core;

using static ActorSegments.Server.Tests.ModelingScenario;

namespace ActorSegments.Server.Tests;

/// <summary>
/// Uplift over the API: a finished randomized campaign (the synthetic trial) goes through ingest; <c>uplift:spring</c>
/// is trained on it, every customer gets its predicted uplift and percentile, and "the top 30% by predicted uplift"
/// works as a segment and as a strategy arm's targeting.
/// </summary>
public sealed class UpliftApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private const string Audience = "percentile(\"uplift:spring\") >= 70";

    private ExperimentService.ExperimentServiceClient Experiments => new(Server.As(RunningServer.BootstrapKey).Invoker);

    [Fact]
    public async Task AnUpliftModelTrainedOnAFinishedCampaign_ScoresEveryoneAndTargetsTheTop30PercentInSegmentsAndStrategyArms()
    {
        const string workspace = "uplift-spring";
        var trial = new UpliftTrial(3, 4000, 60, DateTime.UtcNow.Date.AddDays(-20), workspaceId: workspace);
        await DeclareAssignmentsAsync(workspace);
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = workspace, Experiment = trial.Experiment() }, cancellationToken: Ct);
        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = workspace, ExperimentId = "spring" }, cancellationToken: Ct);
        foreach (var chunk in trial.Events().Chunk(1000))
        {
            await TrackAsync(Server, workspace, chunk);
        }

        await Experiments.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = workspace, ExperimentId = "spring" }, cancellationToken: Ct);
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "uplift_top30", Rule = Audience }, cancellationToken: Ct);

        var training = await TrainAndWaitAsync(Server, workspace, "uplift:spring");
        Assert.True(training.TrainingState == ModelTrainingState.Succeeded, training.Problem);
        Assert.Equal((1, trial.Customers.Count, (long)trial.Customers.Count), (training.Version, (int)training.Customers, training.Pushed));

        // The version's metrics: the evaluation customers ranked by uplift, by propensity and at random.
        var version = (await Server.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = workspace }, cancellationToken: Ct)).Models.Single(m => m.Name == "uplift:spring");
        var metrics = JsonDocument.Parse(Google.Protobuf.JsonFormatter.Default.Format(version.Metrics)).RootElement;
        Assert.Equal(["uplift", "propensity", "random"], metrics.GetProperty("rankings").EnumerateArray().Select(r => r.GetProperty("ranking").GetString()));
        Assert.Equal(0, metrics.GetProperty("rankings")[2].GetProperty("qini_coefficient").GetDouble());
        Assert.Equal(trial.Customers.Count, metrics.GetProperty("train_customers").GetInt32() + metrics.GetProperty("evaluation_customers").GetInt32());

        // On the evaluation customers, the top 30% by predicted uplift gain more from the message than a random 30%.
        // (Against propensity, a test of this size is too small to tell reliably: bench/uplift-check.sh measures that.)
        var rankings = metrics.GetProperty("rankings").EnumerateArray().ToDictionary(r => r.GetProperty("ranking").GetString()!, r => r);
        double Top30(string ranking) => rankings[ranking].GetProperty("uplift_at").GetProperty("top30").GetDouble();
        Assert.True(rankings["uplift"].GetProperty("qini_coefficient").GetDouble() > 0, version.Metrics.ToString());
        Assert.True(Top30("uplift") > Top30("random"), version.Metrics.ToString());
        Assert.Equal(Top30("uplift"), metrics.GetProperty("uplift_top30").GetDouble());
        Assert.Equal(rankings["propensity"].GetProperty("qini_coefficient").GetDouble(), metrics.GetProperty("qini_propensity").GetDouble());

        // Everyone has an uplift and a percentile among everyone's.
        var scores = new Dictionary<string, (double Uplift, double Percentile)>(StringComparer.Ordinal);
        foreach (var customer in trial.Customers)
        {
            var profile = await ProfileAsync(Server, workspace, customer.Id);
            scores[customer.Id] = (profile.Scores["uplift:spring"], profile.Scores["uplift:spring_percentile"]);
        }

        Assert.All(scores, c => Assert.Equal(100.0 * scores.Values.Count(v => v.Uplift < c.Value.Uplift) / scores.Count, c.Value.Percentile, 9));

        // The audience is exactly the customers at the 70th percentile or above: at most 30% of them.
        var top = scores.Where(c => c.Value.Percentile >= 70).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        Assert.InRange(top.Count, 1, trial.Customers.Count * 3 / 10);
        await Eventually.ReturnsAsync(() => MembersAsync(workspace, "uplift_top30"), m => m.SequenceEqual(top));

        // A strategy experiment whose AI arm targets the top 30% by predicted uplift: its messaged segment holds exactly
        // the arm's customers in that top.
        var strategy = Strategy();
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = workspace, Experiment = strategy }, cancellationToken: Ct);
        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = workspace, ExperimentId = strategy.ExperimentId }, cancellationToken: Ct);
        var arms = await Eventually.ReturnsAsync(() => ArmsAsync(workspace, trial), a => a.Count == trial.Customers.Count, TimeSpan.FromMinutes(2));
        var expected = arms.Where(a => a.Value == "uplift_top30" && scores[a.Key].Percentile >= 70).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        await Eventually.ReturnsAsync(() => MembersAsync(workspace, "exp-autumn-uplift_top30"), m => m.SequenceEqual(expected));
    }

    [Fact]
    public async Task TrainingUpliftOfAMissingExperiment_FailsWithAReasonAndAMalformedNameIsRefused()
    {
        var missing = await TrainAndWaitAsync(Server, "uplift-missing", "uplift:nowhere");
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Server.Models.TrainModelAsync(new TrainModelRequest { WorkspaceId = "uplift-missing", Name = "uplift:Not Valid" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(ModelTrainingState.Failed, missing.TrainingState);
        Assert.Equal("There is no experiment 'nowhere' to learn uplift:nowhere from.", missing.Problem);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Contains("the experiment id after 'uplift:'", malformed.Status.Detail, StringComparison.Ordinal);
    }

    private static Experiment Strategy() => new()
    {
        ExperimentId = "autumn",
        Name = "Autumn: uplift targeting against a manual segment",
        Channel = "email",
        Assignment = AssignmentMode.Randomized,
        Audience = "did(product_viewed)",
        Arms =
        {
            new ExperimentArm { Name = "uplift_top30", Weight = 1, Targeting = Audience },
            new ExperimentArm { Name = "manual", Weight = 1, Targeting = "rfm.recency_score >= 4" },
            new ExperimentArm { Name = "control", Weight = 1, Control = true },
        },
        Metrics = { new ExperimentMetric { Name = "purchase_14d", Kind = MetricKind.Conversion, EventType = "purchase", Days = 14 } },
    };

    /// <summary>The commerce schema with the send log's assignment event.</summary>
    private async Task DeclareAssignmentsAsync(string workspace)
    {
        var schema = JsonNode.Parse((await Server.Admin.GetSchemaAsync(new GetSchemaRequest { WorkspaceId = workspace }, cancellationToken: Ct)).SchemaJson)!;
        schema["event_types"]!.AsArray().Add(new JsonObject
        {
            ["name"] = UpliftTrial.AssignmentEventType,
            ["properties"] = new JsonArray(new JsonObject { ["name"] = "experiment", ["type"] = "string" }, new JsonObject { ["name"] = "arm", ["type"] = "string" }),
        });
        await Server.Admin.PutSchemaAsync(new PutSchemaRequest { WorkspaceId = workspace, SchemaJson = schema.ToJsonString() }, cancellationToken: Ct);
    }

    private async Task<Dictionary<string, string>> ArmsAsync(string workspace, UpliftTrial trial)
    {
        var arms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var customer in trial.Customers)
        {
            if ((await ProfileAsync(Server, workspace, customer.Id)).Experiments.TryGetValue("autumn", out var arm))
            {
                arms[customer.Id] = arm;
            }
        }

        return arms;
    }

    private async Task<List<string>> MembersAsync(string workspace, string segment)
    {
        var members = new List<string>();
        var request = new ListMembersRequest { WorkspaceId = workspace, SegmentId = segment, PageSize = 1000 };
        while (true)
        {
            var page = await Server.Segments.ListMembersAsync(request, cancellationToken: Ct);
            members.AddRange(page.Members.Select(m => m.CustomerId));
            if (string.IsNullOrEmpty(page.NextPageToken))
            {
                return [.. members.Order(StringComparer.Ordinal)];
            }

            request.PageToken = page.NextPageToken;
        }
    }
}
