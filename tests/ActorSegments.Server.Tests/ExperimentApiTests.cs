using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>The experiment API over a real HTTP/2 channel: definitions through their statuses, refusals, results and the report.</summary>
public sealed class ExperimentApiTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    private ExperimentService.ExperimentServiceClient Experiments => new(Server.As(RunningServer.BootstrapKey).Invoker);

    [Fact]
    public async Task Experiment_CreatedUpdatedStartedAndStopped_MovesThroughItsStatusesWithVersions()
    {
        var ws = ExperimentMessages.NewWorkspace();
        var definition = ExperimentMessages.Campaign("spring_sale");

        var created = await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct);
        definition.Arms[0].Weight = 3;
        var updated = await Experiments.UpdateExperimentAsync(new UpdateExperimentRequest { WorkspaceId = ws, Experiment = definition, ExpectedVersion = 1 }, cancellationToken: Ct);
        var started = await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "spring_sale", ExpectedVersion = 2 }, cancellationToken: Ct);
        definition.Name = "Spring sale, second wave";
        var renamed = await Experiments.UpdateExperimentAsync(new UpdateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct);
        var stopped = await Experiments.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = ws, ExperimentId = "spring_sale" }, cancellationToken: Ct);
        var read = await Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = ws, ExperimentId = "spring_sale" }, cancellationToken: Ct);
        var listed = await Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = ws }, cancellationToken: Ct);
        var armSegment = await Server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = ws, SegmentId = "exp-spring_sale-treatment" }, cancellationToken: Ct);

        Assert.Equal((ExperimentStatus.Draft, 1, "spring_sale"), (created.Status, created.Version, created.Salt));
        Assert.Null(created.StartedAt);
        Assert.Equal("exp-spring_sale", created.AudienceSegmentId);
        Assert.Equal(["exp-spring_sale-treatment", "exp-spring_sale-holdout"], created.Arms.Select(a => a.SegmentId));
        Assert.Equal((2, 3.0), (updated.Version, updated.Arms[0].Weight));
        Assert.Equal((ExperimentStatus.Running, 3), (started.Status, started.Version));
        Assert.NotNull(started.StartedAt);
        Assert.Equal((4, "Spring sale, second wave"), (renamed.Version, renamed.Name));
        Assert.Equal((ExperimentStatus.Stopped, 5), (stopped.Status, stopped.Version));
        Assert.NotNull(stopped.StoppedAt);
        Assert.Equal(stopped, read);
        Assert.Equal([stopped], listed.Experiments);
        Assert.Equal("experiment(\"spring_sale\") = \"treatment\"", armSegment.Rule);
    }

    [Fact]
    public async Task Create_InvalidDefinition_ReportsEveryProblemAtItsFieldPathAndSavesNothing()
    {
        var ws = ExperimentMessages.NewWorkspace();
        var definition = ExperimentMessages.Campaign("broken");
        definition.Channel = "E-Mail";
        definition.Arms[1].Weight = -1;
        definition.Metrics[0].Where = "revenu > 0";
        definition.Metrics[1].Kind = MetricKind.Unspecified;

        var refused = await Assert.ThrowsAsync<RpcException>(() => Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct).ResponseAsync);
        var listed = await Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = ws }, cancellationToken: Ct);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["channel", "arms[1].weight", "metrics[0].where", "metrics[1].kind"], GrpcErrors.ViolatedFields(refused));
        Assert.Empty(listed.Experiments);
    }

    [Fact]
    public async Task Create_AssignmentUnspecifiedAndBadId_AreNamedByTheirFields()
    {
        var definition = ExperimentMessages.Campaign("Not-An-Id");
        definition.Assignment = AssignmentMode.Unspecified;

        var refused = await Assert.ThrowsAsync<RpcException>(() => Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ExperimentMessages.NewWorkspace(), Experiment = definition }, cancellationToken: Ct).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ExperimentMessages.NewWorkspace() }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["experiment_id", "assignment"], GrpcErrors.ViolatedFields(refused));
        Assert.Equal(["experiment"], GrpcErrors.ViolatedFields(missing));
    }

    [Fact]
    public async Task Refusals_EachKind_AnswersTheStatusSegmentsAnswer()
    {
        var ws = ExperimentMessages.NewWorkspace();
        var definition = ExperimentMessages.Campaign("promo");
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct);

        var taken = await RefusedAsync(() => Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct).ResponseAsync);
        var stale = await RefusedAsync(() => Experiments.UpdateExperimentAsync(new UpdateExperimentRequest { WorkspaceId = ws, Experiment = definition, ExpectedVersion = 7 }, cancellationToken: Ct).ResponseAsync);
        var staleStart = await RefusedAsync(() => Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "promo", ExpectedVersion = 7 }, cancellationToken: Ct).ResponseAsync);
        var stopDraft = await RefusedAsync(() => Experiments.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = ws, ExperimentId = "promo" }, cancellationToken: Ct).ResponseAsync);
        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "promo" }, cancellationToken: Ct);
        definition.Arms[0].Weight = 9;
        var redesign = await RefusedAsync(() => Experiments.UpdateExperimentAsync(new UpdateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct).ResponseAsync);
        await Experiments.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = ws, ExperimentId = "promo" }, cancellationToken: Ct);
        var restart = await RefusedAsync(() => Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "promo" }, cancellationToken: Ct).ResponseAsync);
        var unknown = await RefusedAsync(() => Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = ws, ExperimentId = "nothing" }, cancellationToken: Ct).ResponseAsync);
        var unknownUpdate = await RefusedAsync(() => Experiments.UpdateExperimentAsync(new UpdateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign("nothing") }, cancellationToken: Ct).ResponseAsync);
        var unknownStart = await RefusedAsync(() => Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "nothing" }, cancellationToken: Ct).ResponseAsync);
        var unknownResults = await RefusedAsync(() => Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = ws, ExperimentId = "nothing" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(StatusCode.Aborted, staleStart.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, stopDraft.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, redesign.StatusCode);
        Assert.Contains("fixed", redesign.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, restart.StatusCode);
        Assert.All([unknown, unknownUpdate, unknownStart, unknownResults], e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
    }

    [Fact]
    public async Task Start_ASegmentHoldsAManagedIdWithAnotherRule_IsFailedPreconditionAndStaysADraft()
    {
        var ws = ExperimentMessages.NewWorkspace();
        await Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = ws, SegmentId = "exp-promo-treatment", Rule = "did(purchase)" }, cancellationToken: Ct);
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign("promo") }, cancellationToken: Ct);

        var refused = await RefusedAsync(() => Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "promo" }, cancellationToken: Ct).ResponseAsync);
        var read = await Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = ws, ExperimentId = "promo" }, cancellationToken: Ct);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("exp-promo-treatment", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ExperimentStatus.Draft, read.Status);
    }

    [Fact]
    public async Task Reflection_ListsTheExperimentService()
    {
        using var call = new global::Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(Server.Channel).ServerReflectionInfo(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = string.Empty }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        Assert.Contains("actorsegments.v1.ExperimentService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task Requests_MalformedIdsAndVersions_AreInvalidArgumentNamingTheField()
    {
        var badId = await RefusedAsync(() => Experiments.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = "acme", ExperimentId = "Spring Sale" }, cancellationToken: Ct).ResponseAsync);
        var badWorkspace = await RefusedAsync(() => Experiments.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = "-acme" }, cancellationToken: Ct).ResponseAsync);
        var badVersion = await RefusedAsync(() => Experiments.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = "acme", ExperimentId = "promo", ExpectedVersion = -1 }, cancellationToken: Ct).ResponseAsync);
        var badStartId = await RefusedAsync(() => Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = "acme", ExperimentId = "" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["experiment_id"], GrpcErrors.ViolatedFields(badId));
        Assert.Equal(["workspace_id"], GrpcErrors.ViolatedFields(badWorkspace));
        Assert.Equal(["expected_version"], GrpcErrors.ViolatedFields(badVersion));
        Assert.Equal(["experiment_id"], GrpcErrors.ViolatedFields(badStartId));
    }

    [Fact]
    public async Task Results_ADraft_ShowEveryArmAndMetricWithNobodyAssigned()
    {
        var ws = ExperimentMessages.NewWorkspace();
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign("quiet") }, cancellationToken: Ct);

        var results = await Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = ws, ExperimentId = "quiet" }, cancellationToken: Ct);

        Assert.Equal([("treatment", 0L, false), ("holdout", 0L, true)], results.Reach.Select(r => (r.Arm, r.Assigned, r.Control)));
        Assert.All(results.Reach, r => Assert.False(r.HasTargetedShare));
        Assert.Equal(["purchase_14d", "revenue_30d"], results.Metrics.Select(m => m.Metric.Name));
        Assert.Equal([true, false], results.Metrics.Select(m => m.Primary));
        Assert.All(results.Metrics, m => Assert.Equal("holdout", m.ControlArm));
        Assert.All(results.Metrics.SelectMany(m => m.Arms), a => Assert.False(a.HasConversionRate));
        Assert.Null(results.Metrics[0].Comparisons[0].ConversionLift);
        Assert.Equal((1.0, false, 0.001), (results.SampleRatioMismatch.PValue, results.SampleRatioMismatch.Mismatch, results.SampleRatioMismatch.Threshold));
        Assert.NotNull(results.AsOf);
    }

    [Fact]
    public async Task Report_RunningAndStoppedExperiments_ListedWithoutDrafts()
    {
        var ws = ExperimentMessages.NewWorkspace();
        foreach (var id in new[] { "alpha", "bravo", "charlie" })
        {
            await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign(id) }, cancellationToken: Ct);
        }

        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "alpha" }, cancellationToken: Ct);
        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "charlie" }, cancellationToken: Ct);
        await Experiments.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = ws, ExperimentId = "charlie" }, cancellationToken: Ct);

        var report = await Experiments.GetExperimentReportAsync(new GetExperimentReportRequest { WorkspaceId = ws }, cancellationToken: Ct);

        Assert.Equal([(1, "alpha", ExperimentStatus.Running), (2, "charlie", ExperimentStatus.Stopped)], report.Experiments.Select(e => (e.Rank, e.ExperimentId, e.Status)));
        Assert.All(report.Experiments, e => Assert.Equal(("treatment", "holdout", "purchase_14d", "revenue_30d"), (e.BestArm, e.ControlArm, e.Metric, e.RevenueMetric)));
        Assert.All(report.Experiments, e => Assert.Equal("treatment vs holdout: not enough data yet", e.Verdict));
    }

    [Fact]
    public async Task Results_CustomersMatchingTheAudience_AreSplitAcrossArmsAndTheirPurchasesCounted()
    {
        var ws = ExperimentMessages.NewWorkspace();
        await Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign("live") }, cancellationToken: Ct);
        await Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "live" }, cancellationToken: Ct);
        var customers = Enumerable.Range(0, 40).Select(i => $"c{i:D2}").ToList();
        var buyers = customers.Where((_, i) => i % 4 == 0).ToList();
        var now = DateTimeOffset.UtcNow;

        await TrackAsync(customers.Select(c => Events.Make(c, "product_viewed", occurredAt: now.AddMinutes(-10), workspaceId: ws)));
        // After the assignment (the first event assigned each customer): outcomes count from the assignment on.
        await TrackAsync(buyers.Select(c => Events.Make(c, "purchase", occurredAt: DateTimeOffset.UtcNow.AddSeconds(1), workspaceId: ws)));
        var results = await Eventually.ReturnsAsync(
            () => Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = ws, ExperimentId = "live" }, cancellationToken: Ct).ResponseAsync,
            r => r.Reach.Sum(a => a.Assigned) == customers.Count && r.Metrics[0].Arms.Sum(a => a.Conversions) == buyers.Count);

        Assert.Equal(customers.Count, results.Reach.Sum(a => a.Assigned));
        Assert.All(results.Reach, a => Assert.InRange(a.Assigned, 1, customers.Count - 1));
        Assert.Equal(buyers.Count, results.Metrics[0].Arms.Sum(a => a.Conversions));
        Assert.Equal(results.Reach.Select(r => r.Assigned), results.Metrics[0].Arms.Select(a => a.Customers));
        Assert.NotNull(results.Metrics[0].Comparisons[0].ConversionLift);
        var report = await Experiments.GetExperimentReportAsync(new GetExperimentReportRequest { WorkspaceId = ws }, cancellationToken: Ct);
        var entry = Assert.Single(report.Experiments);
        Assert.Equal(("live", "treatment", results.Reach[0].Assigned), (entry.ExperimentId, entry.BestArm, entry.Assigned));
    }

    private async Task TrackAsync(IEnumerable<Event> events)
    {
        var request = new TrackBatchRequest();
        request.Events.AddRange(events);
        await Server.Ingest.TrackBatchAsync(request, cancellationToken: Ct);
    }

    private static async Task<RpcException> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}
