using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Protos.V1;
using ActorSegments.Grains.Modeling.Cohorts;
using ActorSegments.Server.Access;
using Grpc.Core;
using static ActorSegments.Server.Grpc.ModelingMapping;
using ProtoCohortRun = ActorSegments.Protos.V1.CohortRun;
using ProtoCohortSettings = ActorSegments.Protos.V1.CohortSettings;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Starts cohort refreshes (through the workspace's cohort grain) and reads runs, cohorts and settings from the
/// cohort store; renames and settings are written there and applied by the next refresh.
/// </summary>
internal sealed class CohortGrpcService(ICohortStore store, IGrainFactory grains, CohortRecommender recommender, CohortCatalog catalog) : CohortService.CohortServiceBase
{
    public const int MinFixedK = 2;
    public const int MaxFixedK = 30;
    private const int DefaultRunLimit = 20;
    private const int MaxRunLimit = 100;
    private const double MaxMinIndex = 100;

    public override async Task<ProtoCohortRun> RefreshCohorts(RefreshCohortsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var runId = await grains.GetGrain<ICohortGrain>(ModelingGrainKey.Cohorts(request.WorkspaceId)).RefreshAsync("manual");
        return await RunAsync(request.WorkspaceId, runId, context.CancellationToken);
    }

    public override Task<ProtoCohortRun> GetCohortRun(GetCohortRunRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        return RunAsync(request.WorkspaceId, request.RunId, context.CancellationToken);
    }

    public override async Task<ListCohortRunsResponse> ListCohortRuns(ListCohortRunsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var limit = request.Limit switch
        {
            0 => DefaultRunLimit,
            > 0 and <= MaxRunLimit => request.Limit,
            _ => throw InvalidArgument.Create("limit", $"must be between 1 and {MaxRunLimit}, or 0 for {DefaultRunLimit} (got {request.Limit})"),
        };
        var settings = await store.GetSettingsAsync(request.WorkspaceId, context.CancellationToken);
        var runs = await store.ListRunsAsync(request.WorkspaceId, limit, context.CancellationToken);
        var response = new ListCohortRunsResponse();
        response.Runs.AddRange(runs.Select(r => ToProto(r, settings)));
        return response;
    }

    public override async Task<ListCohortsResponse> ListCohorts(ListCohortsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var response = new ListCohortsResponse();
        if (await catalog.CurrentAsync(request.WorkspaceId, context.CancellationToken) is not { } current)
        {
            return response;
        }

        response.RunId = current.Run.RunId;
        response.Cohorts.AddRange(current.Cohorts.Select(ToProto));
        return response;
    }

    public override async Task<RecommendCohortsResponse> RecommendCohorts(RecommendCohortsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("goal_segment_id", Identifiers.CheckSegmentId(request.GoalSegmentId, Grains.Segments.SegmentDefinitions.MaxSegmentIdLength));
        if (request.MinIndex is not 0 and (< 1 or > MaxMinIndex) || double.IsNaN(request.MinIndex))
        {
            violations.Add(new FieldViolation("min_index", $"must be 0 (for {CohortRecommendations.DefaultMinIndex}) or between 1 and {MaxMinIndex} (got {request.MinIndex})"));
        }

        if (violations.Count > 0)
        {
            throw InvalidArgument.Create(violations);
        }

        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var minIndex = request.MinIndex == 0 ? CohortRecommendations.DefaultMinIndex : request.MinIndex;
        var read = await recommender.RecommendAsync(request.WorkspaceId, request.GoalSegmentId, minIndex, context.CancellationToken);
        if (read is not { Run: { } run, Recommendations: { } ranked })
        {
            var code = read.Refusal == CohortGoalRefusal.GoalNotFound ? StatusCode.NotFound : StatusCode.FailedPrecondition;
            throw new RpcException(new Status(code, read.Problem ?? "No recommendation."));
        }

        var settings = await store.GetSettingsAsync(request.WorkspaceId, context.CancellationToken);
        return ToProto(request.GoalSegmentId, run, ranked, settings);
    }

    public override async Task<Cohort> UpdateCohort(UpdateCohortRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var renamed = await catalog.RenameAsync(request.WorkspaceId, request.CohortId, request.Name, request.Description, request.Pinned, context.CancellationToken);
        if (renamed.Violations.Count > 0)
        {
            throw InvalidArgument.Create(renamed.Violations);
        }

        return renamed.Cohort is { } cohort ? ToProto(cohort) : throw new RpcException(new Status(StatusCode.NotFound, renamed.NotFound!));
    }

    public override async Task<ProtoCohortSettings> GetCohortSettings(GetCohortSettingsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        return ToProto(await store.GetSettingsAsync(request.WorkspaceId, context.CancellationToken));
    }

    public override async Task<ProtoCohortSettings> UpdateCohortSettings(UpdateCohortSettingsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var wanted = request.Settings ?? new ProtoCohortSettings();
        var violations = new List<FieldViolation>();
        if (wanted.FixedK is not 0 and (< MinFixedK or > MaxFixedK))
        {
            violations.Add(new FieldViolation("settings.fixed_k", $"must be 0 (choose k) or between {MinFixedK} and {MaxFixedK} (got {wanted.FixedK})"));
        }

        for (var i = 0; i < wanted.Features.Count; i++)
        {
            if (CustomerFeatures.IndexOf(wanted.Features[i]) < 0)
            {
                violations.Add(new FieldViolation($"settings.features[{i}]", $"unknown feature '{wanted.Features[i]}'; expected one of: {string.Join(", ", CustomerFeatures.Definitions.Select(d => d.Name))}"));
            }
        }

        if (wanted.Features.Distinct(StringComparer.Ordinal).Count() != wanted.Features.Count)
        {
            violations.Add(new FieldViolation("settings.features", "lists a feature more than once"));
        }

        if (wanted.Features.Count == 1)
        {
            violations.Add(new FieldViolation("settings.features", "needs at least two features to cluster on (or none for the default set)"));
        }

        if (violations.Count > 0)
        {
            throw InvalidArgument.Create(violations);
        }

        var settings = await store.GetSettingsAsync(request.WorkspaceId, context.CancellationToken);
        settings = settings with
        {
            FixedK = wanted.FixedK == 0 ? null : wanted.FixedK,
            Features = wanted.Features.Count == 0 ? null : [.. wanted.Features],
        };
        await store.SaveSettingsAsync(request.WorkspaceId, settings, context.CancellationToken);
        return ToProto(settings);
    }

    private async Task<ProtoCohortRun> RunAsync(string workspaceId, long runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(workspaceId, runId, cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Cohort run {runId} does not exist in workspace '{workspaceId}'."));
        return ToProto(run, await store.GetSettingsAsync(workspaceId, cancellationToken));
    }
}
