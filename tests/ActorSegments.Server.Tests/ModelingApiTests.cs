using ActorSegments.Domain.Storage;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

using static ActorSegments.Server.Tests.ModelingScenario;

namespace ActorSegments.Server.Tests;

/// <summary>
/// AI cohorts and models over the API: planted behavior groups become named cohorts that are segments at once, ids
/// and customers' cohorts hold across refreshes, overrides apply, recommendations reach profiles, and too little data
/// gets a clear answer instead of a model.
/// </summary>
public sealed class ModelingApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task PlantedGroups_BecomeNamedCohortSegmentsThatKeepIdsAndMembersAcrossRefreshes()
    {
        const string workspace = "cohorts-planted";
        var groups = await PlantGroupsAsync(Server, workspace);

        var run = await RefreshAndWaitAsync(Server, workspace);

        Assert.Equal(CohortRunStatus.Succeeded, run.RunStatus);
        Assert.Equal(PerGroup * 3, run.Customers);
        Assert.Equal(PerGroup * 3, run.Cohorts.Sum(c => c.Size));
        Assert.Equal(run.K, run.Cohorts.Count);
        Assert.Equal(run.Cohorts.Count, run.Cohorts.Select(c => c.Name).Distinct().Count());
        Assert.All(run.Cohorts, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        var cohortOf = new Dictionary<string, string>();
        foreach (var customer in groups.SelectMany(g => g))
        {
            var profile = await Eventually.ReturnsAsync(() => ProfileAsync(Server, workspace, customer), p => p.Cohort.Length > 0);
            cohortOf[customer] = profile.Cohort;
            Assert.Equal(profile.Cohort, profile.MergeFields["cohort"]);
            Assert.Equal(run.Cohorts.Single(c => c.CohortId == profile.Cohort).Name, profile.MergeFields["cohort_name"]);
        }

        // Each planted group lands in one cohort of its own.
        var groupCohorts = groups.Select(g => g.Select(c => cohortOf[c]).Distinct().ToList()).ToList();
        Assert.All(groupCohorts, ids => Assert.Single(ids));
        Assert.Equal(3, groupCohorts.Select(ids => ids[0]).Distinct().Count());

        // Every cohort is a segment with live counts.
        foreach (var cohort in run.Cohorts)
        {
            var segment = await Eventually.ReturnsAsync(
                () => Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace, SegmentId = cohort.CohortId }, cancellationToken: Ct).ResponseAsync,
                s => s.Members == cohort.Size);
            Assert.Equal($"cohort = \"{cohort.CohortId}\"", segment.Rule);
            Assert.Equal(cohort.Size, segment.Members);
        }

        // A pinned name survives a refresh; with no new data, ids and every customer's cohort stay.
        var pinnedId = run.Cohorts[0].CohortId;
        await Server.Cohorts.UpdateCohortAsync(new UpdateCohortRequest { WorkspaceId = workspace, CohortId = pinnedId, Name = "VIP Watchlist", Pinned = true }, cancellationToken: Ct);
        var again = await RefreshAndWaitAsync(Server, workspace);

        Assert.Equal(CohortRunStatus.Succeeded, again.RunStatus);
        Assert.True(again.RunId > run.RunId);
        Assert.Equal(run.Cohorts.Select(c => c.CohortId).Order(), again.Cohorts.Select(c => c.CohortId).Order());
        Assert.Equal(0, again.Changed);

        // Kept cohorts keep their segments as they were: a new version would re-evaluate every customer for nothing.
        foreach (var cohort in again.Cohorts)
        {
            var segment = await Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = workspace, SegmentId = cohort.CohortId }, cancellationToken: Ct);
            Assert.Equal(1, segment.Version);
        }

        var listed = await Server.Cohorts.ListCohortsAsync(new ListCohortsRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        Assert.Equal(again.RunId, listed.RunId);
        Assert.Equal(("VIP Watchlist", true, "user"), listed.Cohorts.Where(c => c.CohortId == pinnedId).Select(c => (c.Name, c.Pinned, c.LabelSource)).Single());
        foreach (var customer in cohortOf.Keys.Take(10))
        {
            Assert.Equal(cohortOf[customer], (await ProfileAsync(Server, workspace, customer)).Cohort);
        }
    }

    [Fact]
    public async Task CohortsRecommendedForAGoal_HoldItsCustomersCountedExactlyAndBadRequestsChangeNothing()
    {
        const string workspace = "cohorts-goal";
        // The goal of a win-back: customers who bought, but not recently.
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "lapsed", Rule = "rfm.recency_score <= 2" }, cancellationToken: Ct);
        var noCohorts = await Assert.ThrowsAsync<RpcException>(() => RecommendAsync(workspace, "lapsed"));
        Assert.Equal(StatusCode.FailedPrecondition, noCohorts.StatusCode);
        Assert.Contains("no AI cohorts yet", noCohorts.Status.Detail, StringComparison.Ordinal);

        var groups = await PlantGroupsAsync(Server, workspace);
        Assert.Equal(CohortRunStatus.Succeeded, (await RefreshAndWaitAsync(Server, workspace)).RunStatus);
        var response = await Eventually.ReturnsAsync(() => RecommendOrNullAsync(workspace, "lapsed"), r => r is not null);

        // The direct computation: each customer's cohort from its profile, the goal from the goal segment's members.
        var lapsed = (await Server.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = workspace, SegmentId = "lapsed", PageSize = 1000 }, cancellationToken: Ct)).Members.Select(m => m.CustomerId).ToHashSet();
        var cohortOf = new Dictionary<string, string>();
        foreach (var customer in groups.SelectMany(g => g))
        {
            cohortOf[customer] = (await ProfileAsync(Server, workspace, customer)).Cohort;
        }

        var direct = cohortOf.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => (Members: (long)g.Count(), Goal: (long)g.Count(c => lapsed.Contains(c.Key))));
        Assert.Equal(direct.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Members, d.Value.Goal)), response!.Cohorts.OrderBy(c => c.CohortId).Select(c => (c.CohortId, c.Members, c.GoalMembers)));
        Assert.Equal((PerGroup * 3L, (long)lapsed.Count), (response.Members, response.GoalMembers));

        // The lapsed one-time buyers are the goal, and their cohort holds them all.
        var lapsedCohort = cohortOf[groups[2][0]];
        Assert.Equal(groups[2].ToHashSet(), lapsed);
        Assert.Equal([lapsedCohort], response.Recommended);
        Assert.Equal(($"cohort in [\"{lapsedCohort}\"]", 1.0, 1.5), (response.AudienceRule, response.Coverage, response.MinIndex));
        Assert.Equal(3.0, response.Cohorts[0].Index, 9);
        Assert.False(string.IsNullOrEmpty(response.Cohorts[0].Name));

        var unknown = await Assert.ThrowsAsync<RpcException>(() => RecommendAsync(workspace, "no_such_segment"));
        var badIndex = await Assert.ThrowsAsync<RpcException>(() => RecommendAsync(workspace, "lapsed", 0.5));
        var badGoal = await Assert.ThrowsAsync<RpcException>(() => RecommendAsync(workspace, "Not A Segment!"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal([StatusCode.InvalidArgument, StatusCode.InvalidArgument], [badIndex.StatusCode, badGoal.StatusCode]);
        Assert.Equal(["min_index"], GrpcErrors.ViolatedFields(badIndex));
        Assert.Equal(["goal_segment_id"], GrpcErrors.ViolatedFields(badGoal));
    }

    private Task<RecommendCohortsResponse> RecommendAsync(string workspace, string goal, double minIndex = 0) =>
        Server.Cohorts.RecommendCohortsAsync(new RecommendCohortsRequest { WorkspaceId = workspace, GoalSegmentId = goal, MinIndex = minIndex }, cancellationToken: Ct).ResponseAsync;

    /// <summary>Null while a segment is still backfilling (FAILED_PRECONDITION), so a test can wait for the answer.</summary>
    private async Task<RecommendCohortsResponse?> RecommendOrNullAsync(string workspace, string goal)
    {
        try
        {
            return await RecommendAsync(workspace, goal);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    [Fact]
    public async Task ARefreshWithTooFewCustomers_FailsWithTheMinimumAndTheCount()
    {
        const string workspace = "cohorts-sparse";
        await TrackAsync(Server, workspace, Purchase(Events.NewCustomerId(), DateTimeOffset.UtcNow.AddDays(-2), 10));

        var run = await RefreshAndWaitAsync(Server, workspace);

        Assert.Equal(CohortRunStatus.Failed, run.RunStatus);
        Assert.Contains("at least 50 customers", run.Error, StringComparison.Ordinal);
        Assert.Contains("has 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunLeftRunningByAStoppedSilo_IsMarkedInterruptedWhenCohortsAreNextUsed()
    {
        const string workspace = "cohorts-orphan";
        var store = Server.Services.GetRequiredService<ICohortStore>();
        var orphanId = await store.NextRunIdAsync(workspace, Ct);
        await store.SaveRunAsync(Domain.Modeling.CohortRun.Start(workspace, orphanId, "manual", DateTimeOffset.UtcNow.AddHours(-1)) with { Phase = Domain.Modeling.CohortRunPhases.Pushing }, Ct);

        var next = await RefreshAndWaitAsync(Server, workspace);
        var orphan = await Server.Cohorts.GetCohortRunAsync(new GetCohortRunRequest { WorkspaceId = workspace, RunId = orphanId }, cancellationToken: Ct);

        Assert.Equal(CohortRunStatus.Failed, orphan.RunStatus);
        Assert.Contains("interrupted in phase 'pushing'", orphan.Error, StringComparison.Ordinal);
        Assert.True(next.RunId > orphanId);
    }

    [Fact]
    public async Task Settings_RefuseUnknownFeaturesAndOutOfRangeKPerFieldAndChangeNothing()
    {
        const string workspace = "cohorts-settings";
        var refused = await Assert.ThrowsAsync<RpcException>(() => Server.Cohorts.UpdateCohortSettingsAsync(
            new UpdateCohortSettingsRequest { WorkspaceId = workspace, Settings = new CohortSettings { FixedK = 99, Features = { "frequency", "shoe_size" } } },
            cancellationToken: Ct).ResponseAsync);
        var settings = await Server.Cohorts.GetCohortSettingsAsync(new GetCohortSettingsRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        var accepted = await Server.Cohorts.UpdateCohortSettingsAsync(
            new UpdateCohortSettingsRequest { WorkspaceId = workspace, Settings = new CohortSettings { FixedK = 4, Features = { "frequency", "monetary", "recency_days" } } },
            cancellationToken: Ct);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["settings.features[1]", "settings.fixed_k"], GrpcErrors.ViolatedFields(refused).Order(StringComparer.Ordinal));
        Assert.Equal((0, 0), (settings.FixedK, settings.Features.Count));
        Assert.Equal((4, 3), (accepted.FixedK, accepted.Features.Count));
    }

    [Fact]
    public async Task RenamingACohortTheLastRunDoesNotHave_IsNotFound()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Server.Cohorts.UpdateCohortAsync(
            new UpdateCohortRequest { WorkspaceId = "cohorts-none", CohortId = "cohort-9", Name = "Nobody" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Recommendations_ReachProfilesAsMergeFieldsAndNeverRepeatAPurchase()
    {
        const string workspace = "recs-planted";
        var now = DateTimeOffset.UtcNow;
        var customers = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            // Two product families viewed together; half of the customers bought the first item of their family.
            var customer = Events.NewCustomerId();
            customers.Add(customer);
            var family = i % 2 == 0 ? "a" : "b";
            var events = new List<Event>();
            for (var p = 1; p <= 3; p++)
            {
                events.Add(View(customer, now.AddDays(-40 + p), family, $"{family}-{p}"));
            }

            if (i % 4 < 2)
            {
                events.Add(Cart(customer, now.AddDays(-30), family, $"{family}-1"));
                events.Add(Purchase(customer, now.AddDays(-30), 20, $"{family}-1"));
            }

            await TrackAsync(Server, workspace, [.. events]);
        }

        var newcomer = Events.NewCustomerId();
        await TrackAsync(Server, workspace, View(newcomer, now.AddDays(-1), "a", "a-1"));

        var training = await TrainAndWaitAsync(Server, workspace, "recommendations");
        var profile = await Eventually.ReturnsAsync(() => ProfileAsync(Server, workspace, newcomer), p => p.Recommendations.Count > 0);
        var buyer = await ProfileAsync(Server, workspace, customers[0]);
        var models = await Server.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = workspace }, cancellationToken: Ct);

        Assert.Equal((ModelTrainingState.Succeeded, 1), (training.TrainingState, training.Version));
        Assert.Contains(profile.Recommendations.Take(2), r => r is "a-2" or "a-3");
        Assert.Equal(profile.Recommendations[0], profile.MergeFields["rec_1"]);
        Assert.DoesNotContain("a-1", buyer.Recommendations);
        var metrics = models.Models.Single().Metrics.Fields;
        Assert.True(metrics.ContainsKey("precision_at_k"));
        // 40 customers are too few to validate settings on: the default is kept and the selection says so.
        Assert.Equal(50, metrics["neighbors_per_item"].NumberValue);
        Assert.Equal(Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NullValue, metrics["selection"].StructValue.Fields["validation_split"].KindCase);
    }

    [Fact]
    public async Task TrainingAPropensityModelOnTooLittleHistory_FailsAndSaysWhatIsMissing()
    {
        const string workspace = "propensity-sparse";
        await TrackAsync(Server, workspace, Purchase(Events.NewCustomerId(), DateTimeOffset.UtcNow.AddDays(-3), 15));

        var training = await TrainAndWaitAsync(Server, workspace, "purchase_30d");
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Server.Models.TrainModelAsync(new TrainModelRequest { WorkspaceId = workspace, Name = "lifetime_value" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(ModelTrainingState.Failed, training.TrainingState);
        Assert.Contains("days", training.Problem, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Equal(["name"], GrpcErrors.ViolatedFields(unknown));
    }

    [Fact]
    public async Task ATrainedPurchaseModel_ScoresEveryCustomerAndACustomerRescoredWhenItBuysAgain()
    {
        const string workspace = "propensity-planted";
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        var occasional = new List<string>();
        var everyone = new List<string>();
        var batch = new List<Event>();
        for (var i = 0; i < 360; i++)
        {
            // Regulars buy every one to three weeks throughout; occasional buyers once; lapsing ones stop at some point.
            var customer = Events.NewCustomerId();
            everyone.Add(customer);
            var kind = i % 3;
            var start = now.AddDays(-240 + random.Next(0, 30));
            var stop = kind == 2 ? now.AddDays(-random.Next(40, 200)) : now;
            if (kind == 1)
            {
                occasional.Add(customer);
                batch.Add(Purchase(customer, now.AddDays(-random.Next(31, 230)), 30));
            }
            else
            {
                for (var at = start; at < stop; at = at.AddDays(random.Next(7, 22)))
                {
                    batch.Add(Purchase(customer, at, 50 + random.Next(0, 100)));
                }
            }

            if (batch.Count > 800)
            {
                await TrackAsync(Server, workspace, [.. batch]);
                batch.Clear();
            }
        }

        await TrackAsync(Server, workspace, [.. batch]);
        var training = await TrainAndWaitAsync(Server, workspace, "purchase_30d");
        var models = await Server.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = workspace }, cancellationToken: Ct);
        var customer0 = occasional[0];
        var before = await Eventually.ReturnsAsync(() => ProfileAsync(Server, workspace, customer0), p => p.Scores.ContainsKey("purchase_30d"));

        // Buying every few days now moves the score at once, recorded with the purchases.
        await TrackAsync(Server, workspace, [.. Enumerable.Range(1, 6).Select(d => Purchase(customer0, now.AddDays(-d * 3), 80))]);
        var after = await ProfileAsync(Server, workspace, customer0);

        Assert.Equal((ModelTrainingState.Succeeded, 1, ""), (training.TrainingState, training.Version, training.Problem));
        Assert.Equal(training.Customers, training.Pushed);
        Assert.Equal(360, training.Customers);
        var metrics = models.Models.Single().Metrics.Fields;
        Assert.InRange(metrics["auc"].NumberValue, 0.7, 1.0);
        Assert.True(metrics.ContainsKey("calibration"));
        Assert.True(after.Scores["purchase_30d"] > before.Scores["purchase_30d"] + 0.05, $"score {before.Scores["purchase_30d"]} -> {after.Scores["purchase_30d"]}");
        Assert.Equal(after.Scores["purchase_30d"].ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), after.MergeFields["score_purchase_30d"]);
        // The scores a customer needs for the top 50/20/10/5/1% ascend; everyone pushed was counted.
        Assert.Equal(360, metrics["scored_customers"].NumberValue);
        var cuts = ((string[])["p50", "p80", "p90", "p95", "p99"]).Select(p => metrics["percentile_cuts"].StructValue.Fields[p].NumberValue).ToList();
        Assert.Equal(cuts.Order(), cuts);
        Assert.InRange(cuts[0], 0, 1);
    }

    [Fact]
    public async Task PercentileAudiences_FollowTheScoringPassLiveRescoresAndTheNextVersion()
    {
        const string workspace = "propensity-percentiles";
        var now = DateTimeOffset.UtcNow;
        var random = new Random(11);
        var everyone = new List<string>();
        var batch = new List<Event>();
        for (var i = 0; i < 240; i++)
        {
            var customer = Events.NewCustomerId();
            everyone.Add(customer);
            var stop = i % 2 == 0 ? now : now.AddDays(-random.Next(40, 200));
            for (var at = now.AddDays(-240 + random.Next(0, 30)); at < stop; at = at.AddDays(random.Next(7, 40)))
            {
                batch.Add(Purchase(customer, at, 50));
            }
        }

        foreach (var chunk in batch.Chunk(800))
        {
            await TrackAsync(Server, workspace, chunk);
        }

        // The top 20% most likely to buy, as a campaign audience: written before any model exists, so empty until one.
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace, SegmentId = "likely_buyers", Rule = "percentile(\"purchase_30d\") >= 80" }, cancellationToken: Ct);
        Assert.Equal((ModelTrainingState.Succeeded, 1), await TrainedVersionAsync(workspace));
        var first = await ScoresAsync(workspace, everyone);

        // Every customer's percentile is the share of all customers scoring strictly below it; the audience is exactly
        // those at 80 or above, which is at most a fifth of them.
        Assert.Equal(Top(first, 80), await MembersAsync(workspace, "likely_buyers"));
        Assert.InRange(Top(first, 80).Count, 1, everyone.Count / 5);

        // A customer rescored live (it buys every few days now) is placed among the customers of the scoring pass.
        var lapsed = first.Where(c => c.Value.Percentile < 50).Select(c => c.Key).First();
        await TrackAsync(Server, workspace, [.. Enumerable.Range(1, 8).Select(d => Purchase(lapsed, now.AddDays(-d * 2), 80))]);
        var rescored = (await ProfileAsync(Server, workspace, lapsed)).Scores;
        Assert.NotEqual(first[lapsed].Score, rescored["purchase_30d"]);
        Assert.Equal(100.0 * first.Values.Count(v => v.Score < rescored["purchase_30d"]) / everyone.Count, rescored["purchase_30d_percentile"], 9);
        Assert.Equal(rescored["purchase_30d_percentile"] >= 80, (await MembersAsync(workspace, "likely_buyers")).Contains(lapsed));

        // The next version scores everyone again and moves the cut; the audience follows without being touched.
        Assert.Equal((ModelTrainingState.Succeeded, 2), await TrainedVersionAsync(workspace));
        var second = await ScoresAsync(workspace, everyone);
        Assert.Equal(Top(second, 80), await MembersAsync(workspace, "likely_buyers"));
    }

    private async Task<(ModelTrainingState State, int Version)> TrainedVersionAsync(string workspace)
    {
        var training = await TrainAndWaitAsync(Server, workspace, "purchase_30d");
        Assert.Equal(training.Customers, training.Pushed);
        return (training.TrainingState, training.Version);
    }

    private async Task<Dictionary<string, (double Score, double Percentile)>> ScoresAsync(string workspace, List<string> customers)
    {
        var scores = new Dictionary<string, (double, double)>();
        foreach (var customer in customers)
        {
            var profile = await ProfileAsync(Server, workspace, customer);
            scores[customer] = (profile.Scores["purchase_30d"], profile.Scores["purchase_30d_percentile"]);
        }

        // The pushed percentiles are the direct computation over the pushed scores.
        Assert.All(scores, c => Assert.Equal(100.0 * scores.Values.Count(v => v.Item1 < c.Value.Item1) / scores.Count, c.Value.Item2, 9));
        return scores;
    }

    private static List<string> Top(Dictionary<string, (double Score, double Percentile)> scores, double percentile) =>
        [.. scores.Where(c => 100.0 * scores.Values.Count(v => v.Score < c.Value.Score) / scores.Count >= percentile).Select(c => c.Key).Order(StringComparer.Ordinal)];

    private async Task<List<string>> MembersAsync(string workspace, string segment)
    {
        var page = await Server.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = workspace, SegmentId = segment, PageSize = 1000 }, cancellationToken: Ct);
        return [.. page.Members.Select(m => m.CustomerId).Order(StringComparer.Ordinal)];
    }
}
