using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Experiments.Statistics;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Experiments;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static ActorSegments.Server.Grpc.ExperimentMapping;
using DomainStatus = ActorSegments.Domain.Experiments.ExperimentStatus;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Experiments over the definitions service and the results reader of the grains layer, each call scoped to one
/// workspace: admin to create, update, start and stop; read to see definitions, results, the report and sizes.
/// </summary>
internal sealed class ExperimentGrpcService(
    ExperimentDefinitions definitions,
    ExperimentResultsReader results,
    TimeProvider time) : ExperimentService.ExperimentServiceBase
{
    private const double DefaultPower = 0.8;
    private const double DefaultAlpha = 0.05;

    /// <summary>The sample-size calculator's parameters and the request fields that carry them.</summary>
    private static readonly (string Parameter, string Field)[] SizeFields =
    [
        ("baselineRate", "baseline_rate"),
        ("minimumDetectableEffect", "minimum_detectable_effect"),
        ("power", "power"),
        ("alpha", "alpha"),
    ];

    public override async Task<Experiment> CreateExperiment(CreateExperimentRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var experiment = Required(request.Experiment);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);

        // The experiment id is checked with the rest of the definition, so every problem comes back at once.
        var result = await definitions.CreateAsync(request.WorkspaceId, ToDomain(experiment), context.CancellationToken);
        return result.Succeeded ? ToProto(result.Experiment!) : throw ToException(result);
    }

    public override async Task<Experiment> UpdateExperiment(UpdateExperimentRequest request, ServerCallContext context)
    {
        var experiment = Required(request.Experiment);
        Ids(request.WorkspaceId, experiment.ExperimentId);
        var expected = ExpectedVersion(request.ExpectedVersion);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);

        // 0 overwrites whatever is current: the version read now, so a change in between is still refused.
        var version = expected ?? (await FindAsync(request.WorkspaceId, experiment.ExperimentId, context.CancellationToken)).Version;
        var result = await definitions.UpdateAsync(request.WorkspaceId, ToDomain(experiment), version, context.CancellationToken);
        return result.Succeeded ? ToProto(result.Experiment!) : throw ToException(result);
    }

    public override Task<Experiment> StartExperiment(StartExperimentRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request.WorkspaceId, request.ExperimentId, request.ExpectedVersion, definitions.StartAsync, context);

    public override Task<Experiment> StopExperiment(StopExperimentRequest request, ServerCallContext context) =>
        ChangeStatusAsync(request.WorkspaceId, request.ExperimentId, request.ExpectedVersion, definitions.StopAsync, context);

    public override async Task<Experiment> GetExperiment(GetExperimentRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.ExperimentId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        return ToProto(await FindAsync(request.WorkspaceId, request.ExperimentId, context.CancellationToken));
    }

    public override async Task<ListExperimentsResponse> ListExperiments(ListExperimentsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var response = new ListExperimentsResponse();
        response.Experiments.AddRange((await definitions.ListAsync(request.WorkspaceId, context.CancellationToken)).OrderBy(e => e.Id, StringComparer.Ordinal).Select(ToProto));
        return response;
    }

    public override async Task<GetExperimentResultsResponse> GetExperimentResults(GetExperimentResultsRequest request, ServerCallContext context)
    {
        Ids(request.WorkspaceId, request.ExperimentId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var readout = await results.ReadAsync(request.WorkspaceId, request.ExperimentId, context.CancellationToken) ?? throw NotFound(request.WorkspaceId, request.ExperimentId);
        return ExperimentResultsMapping.ToProto(readout);
    }

    public override async Task<GetExperimentReportResponse> GetExperimentReport(GetExperimentReportRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var cancellationToken = context.CancellationToken;
        var experiments = await definitions.ListAsync(request.WorkspaceId, cancellationToken);
        var inputs = await Task.WhenAll(experiments.Where(e => e.Status != DomainStatus.Draft).Select(async e =>
            await results.ReadAsync(request.WorkspaceId, e.Id, cancellationToken) is { } readout
                ? ExperimentReportInput.From(readout)
                : null));
        var read = inputs.OfType<ExperimentReportInput>().ToList();
        var response = new GetExperimentReportResponse
        {
            // Each experiment is read at its own instant; every figure is exact as of the earliest.
            AsOf = Timestamp.FromDateTimeOffset(read.Count > 0 ? read.Min(i => i.Readout.AsOf) : time.GetUtcNow()),
        };
        response.Experiments.AddRange(ExperimentReport.Rank(read).Select(ExperimentResultsMapping.ToProto));
        return response;
    }

    public override Task<SizeExperimentResponse> SizeExperiment(SizeExperimentRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var power = request.Power == 0 ? DefaultPower : request.Power;
        var alpha = request.Alpha == 0 ? DefaultAlpha : request.Alpha;
        try
        {
            return Task.FromResult(new SizeExperimentResponse
            {
                CustomersPerArm = SampleSize.CustomersPerArm(request.BaselineRate, request.MinimumDetectableEffect, power, alpha),
                BaselineRate = request.BaselineRate,
                MinimumDetectableEffect = request.MinimumDetectableEffect,
                Power = power,
                Alpha = alpha,
            });
        }
        catch (ArgumentOutOfRangeException refused)
        {
            throw SizeProblem(refused);
        }
    }

    /// <summary>
    /// INVALID_ARGUMENT naming the request field of the parameter the calculator refused, with its explanation in the
    /// request's own field names.
    /// </summary>
    private static RpcException SizeProblem(ArgumentOutOfRangeException refused)
    {
        var (parameter, field) = SizeFields.FirstOrDefault(f => f.Parameter == refused.ParamName);
        if (field is null)
        {
            throw new InvalidOperationException($"The sample-size calculator refused an unknown parameter '{refused.ParamName}'.", refused);
        }

        // The exception's message ends with " (Parameter 'x')" and the actual value on a line of its own.
        var text = refused.Message;
        var end = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        text = end < 0 ? text : text[..end];
        text = text.StartsWith(parameter + " ", StringComparison.Ordinal) ? text[(parameter.Length + 1)..] : text;
        foreach (var (name, wire) in SizeFields)
        {
            text = text.Replace(name, wire, StringComparison.Ordinal);
        }

        return InvalidArgument.Create(field, text.TrimEnd('.'));
    }

    private static async Task<Experiment> ChangeStatusAsync(
        string workspaceId,
        string experimentId,
        int expectedVersion,
        Func<string, string, int?, CancellationToken, Task<ExperimentChangeResult>> change,
        ServerCallContext context)
    {
        Ids(workspaceId, experimentId);
        var expected = ExpectedVersion(expectedVersion);
        context.Demand(workspaceId, ApiKeyScopes.Admin);
        var result = await change(workspaceId, experimentId, expected, context.CancellationToken);
        return result.Succeeded ? ToProto(result.Experiment!) : throw ToException(result);
    }

    private async Task<StoredExperiment> FindAsync(string workspaceId, string experimentId, CancellationToken cancellationToken) =>
        await definitions.FindAsync(workspaceId, experimentId, cancellationToken) ?? throw NotFound(workspaceId, experimentId);

    private static RpcException NotFound(string workspaceId, string experimentId) =>
        new(new Status(StatusCode.NotFound, $"Experiment '{experimentId}' does not exist in workspace '{workspaceId}'."));

    private static Experiment Required(Experiment? experiment) =>
        experiment ?? throw InvalidArgument.Create("experiment", "is required: the experiment's definition");

    /// <summary>INVALID_ARGUMENT unless the workspace id and the experiment id are well formed.</summary>
    private static void Ids(string workspaceId, string experimentId)
    {
        RequestChecks.Ids(workspaceId);
        if (ExperimentNames.CheckName(experimentId, ExperimentNames.MaxExperimentIdLength) is { } problem)
        {
            throw InvalidArgument.Create("experiment_id", problem);
        }
    }

    /// <summary>Null for 0 (whatever is current); INVALID_ARGUMENT for a negative version.</summary>
    private static int? ExpectedVersion(int expected) => expected switch
    {
        0 => null,
        > 0 => expected,
        _ => throw InvalidArgument.Create("expected_version", $"must be 0 (whatever is current) or the version the change was made against (got {expected})"),
    };
}
