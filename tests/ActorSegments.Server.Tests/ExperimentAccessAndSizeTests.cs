using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Protos.V1;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

/// <summary>Who may call the experiment API (admin to change, read to see), and the sample-size calculator.</summary>
public sealed class ExperimentAccessAndSizeTests(DevServerFixture fixture) : DevServerTests(fixture)
{
    [Fact]
    public async Task ReadKey_SeesExperimentsButCannotChangeThem()
    {
        var ws = await NewWorkspaceAsync();
        var admin = await ClientAsync(ws, "admin");
        var reader = await ClientAsync(ws, "read");
        var definition = ExperimentMessages.Campaign("scoped");
        await admin.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct);

        var changes = new Func<Task>[]
        {
            () => reader.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign("sneaky") }, cancellationToken: Ct).ResponseAsync,
            () => reader.UpdateExperimentAsync(new UpdateExperimentRequest { WorkspaceId = ws, Experiment = definition }, cancellationToken: Ct).ResponseAsync,
            () => reader.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = ws, ExperimentId = "scoped" }, cancellationToken: Ct).ResponseAsync,
            () => reader.StopExperimentAsync(new StopExperimentRequest { WorkspaceId = ws, ExperimentId = "scoped" }, cancellationToken: Ct).ResponseAsync,
        };
        foreach (var change in changes)
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(change)).StatusCode);
        }

        var read = await reader.GetExperimentAsync(new GetExperimentRequest { WorkspaceId = ws, ExperimentId = "scoped" }, cancellationToken: Ct);
        var listed = await reader.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = ws }, cancellationToken: Ct);
        var results = await reader.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = ws, ExperimentId = "scoped" }, cancellationToken: Ct);
        var report = await reader.GetExperimentReportAsync(new GetExperimentReportRequest { WorkspaceId = ws }, cancellationToken: Ct);
        var size = await reader.SizeExperimentAsync(new SizeExperimentRequest { WorkspaceId = ws, BaselineRate = 0.05, MinimumDetectableEffect = 0.01 }, cancellationToken: Ct);

        Assert.Equal((ExperimentStatus.Draft, 1), (read.Status, read.Version));
        Assert.Single(listed.Experiments);
        Assert.Equal(2, results.Reach.Count);
        Assert.Empty(report.Experiments);
        Assert.True(size.CustomersPerArm > 0);
    }

    [Fact]
    public async Task IngestKeyAndOtherWorkspacesKey_CannotReadExperiments()
    {
        var ws = await NewWorkspaceAsync();
        var ingest = await ClientAsync(ws, "ingest");
        var stranger = await ClientAsync(await NewWorkspaceAsync(), "admin");

        var calls = new Func<Task>[]
        {
            () => ingest.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = ws }, cancellationToken: Ct).ResponseAsync,
            () => ingest.SizeExperimentAsync(new SizeExperimentRequest { WorkspaceId = ws, BaselineRate = 0.05, MinimumDetectableEffect = 0.01 }, cancellationToken: Ct).ResponseAsync,
            () => stranger.GetExperimentReportAsync(new GetExperimentReportRequest { WorkspaceId = ws }, cancellationToken: Ct).ResponseAsync,
            () => stranger.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = ws, Experiment = ExperimentMessages.Campaign("sneaky") }, cancellationToken: Ct).ResponseAsync,
        };
        foreach (var call in calls)
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        var anonymous = new ExperimentService.ExperimentServiceClient(Server.As(apiKey: null).Invoker);
        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListExperimentsAsync(new ListExperimentsRequest { WorkspaceId = ws }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(0.05, 0.01, 0, 0, 8158)] // 0.8 and 0.05 by default
    [InlineData(0.05, 0.01, 0.8, 0.05, 8158)]
    [InlineData(0.10, 0.02, 0.9, 0.01, 7281)]
    public async Task Size_ValidInputs_AnswersCustomersPerArmWithTheDefaultsApplied(double baseline, double effect, double power, double alpha, long expected)
    {
        // The expected counts come from the formula evaluated apart (Python's statistics.NormalDist), rounded up.
        var size = await Experiments.SizeExperimentAsync(new SizeExperimentRequest { WorkspaceId = "acme", BaselineRate = baseline, MinimumDetectableEffect = effect, Power = power, Alpha = alpha }, cancellationToken: Ct);

        Assert.Equal(expected, size.CustomersPerArm);
        Assert.Equal(SampleSize.CustomersPerArm(baseline, effect, size.Power, size.Alpha), size.CustomersPerArm);
        Assert.Equal((power == 0 ? 0.8 : power, alpha == 0 ? 0.05 : alpha), (size.Power, size.Alpha));
    }

    [Theory]
    [InlineData(0.0, 0.01, 0, 0, "baseline_rate")]
    [InlineData(1.2, 0.01, 0, 0, "baseline_rate")]
    [InlineData(0.05, 0.0, 0, 0, "minimum_detectable_effect")]
    [InlineData(0.05, 0.97, 0, 0, "minimum_detectable_effect")]
    [InlineData(0.05, 0.01, 0.01, 0, "power")]
    [InlineData(0.05, 0.01, 1.0, 0, "power")]
    [InlineData(0.05, 0.01, 0, 1.5, "alpha")]
    [InlineData(0.05, 0.01, 0, -0.1, "alpha")]
    [InlineData(double.NaN, 0.01, 0, 0, "baseline_rate")]
    public async Task Size_InputOutOfRange_IsInvalidArgumentNamingTheField(double baseline, double effect, double power, double alpha, string field)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Experiments.SizeExperimentAsync(
            new SizeExperimentRequest { WorkspaceId = "acme", BaselineRate = baseline, MinimumDetectableEffect = effect, Power = power, Alpha = alpha }, cancellationToken: Ct).ResponseAsync);
        var description = Assert.Single(refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Description;

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([field], GrpcErrors.ViolatedFields(refused));
        Assert.StartsWith("must be", description, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", description, StringComparison.Ordinal);
        Assert.DoesNotContain("baselineRate", description, StringComparison.Ordinal);
    }

    private ExperimentService.ExperimentServiceClient Experiments => new(Server.As(RunningServer.BootstrapKey).Invoker);

    private async Task<ExperimentService.ExperimentServiceClient> ClientAsync(string workspaceId, string scope)
    {
        var key = await Server.Admin.CreateApiKeyAsync(new CreateApiKeyRequest { WorkspaceId = workspaceId, Name = $"{scope}-key", Scopes = { scope } }, cancellationToken: Ct);
        return new ExperimentService.ExperimentServiceClient(Server.As(key.Secret).Invoker);
    }

    private async Task<string> NewWorkspaceAsync()
    {
        var id = ExperimentMessages.NewWorkspace();
        await Server.Admin.CreateWorkspaceAsync(new CreateWorkspaceRequest { WorkspaceId = id }, cancellationToken: Ct);
        return id;
    }
}
