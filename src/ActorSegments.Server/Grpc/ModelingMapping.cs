using ActorSegments.Grains.Modeling.Cohorts;
using System.Text.Json;
using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Modeling;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using DomainCohortSettings = ActorSegments.Domain.Modeling.CohortSettings;
using ProtoCohortDrift = ActorSegments.Protos.V1.CohortDrift;
using ProtoCohortRun = ActorSegments.Protos.V1.CohortRun;
using ProtoCohortSettings = ActorSegments.Protos.V1.CohortSettings;
using ProtoKCandidate = ActorSegments.Protos.V1.KCandidate;

namespace ActorSegments.Server.Grpc;

/// <summary>Cohort runs, cohorts, settings and model versions to their wire form.</summary>
internal static class ModelingMapping
{
    // The string status and phase are deprecated on the wire but still filled, for clients built before the enums.
#pragma warning disable CS0612
    public static ProtoCohortRun ToProto(Domain.Modeling.CohortRun run, DomainCohortSettings settings)
    {
        var proto = new ProtoCohortRun
        {
            RunId = run.RunId,
            RunStatus = ModelingStatusMapping.ToProto(run.Status),
            Status = run.Status.ToString().ToLowerInvariant(),
            Trigger = run.Trigger,
            StartedAt = Timestamp.FromDateTimeOffset(run.StartedAt),
            FinishedAt = run.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
            RunPhase = ModelingStatusMapping.RunPhase(run.Phase),
            Phase = run.Phase,
            K = run.K,
            Inertia = run.Inertia,
            Silhouette = run.Silhouette,
            Customers = run.Customers,
            Changed = run.Changed,
            Pushed = run.Pushed,
            Error = run.Error ?? string.Empty,
            DurationSeconds = run.Duration?.TotalSeconds ?? 0,
            PreviousRunId = run.PreviousRunId ?? 0,
        };
        proto.Features.AddRange(run.Features);
        proto.RetiredCohortIds.AddRange(run.Retired ?? []);
        proto.Candidates.AddRange(run.Candidates.Select(c => new ProtoKCandidate { K = c.K, Inertia = c.Inertia, Silhouette = c.Silhouette }));
        proto.Cohorts.AddRange(run.Cohorts.Select(c => ToProto(CohortCatalog.View(c, run.Features, settings, members: 0))));
        return proto;
    }
#pragma warning restore CS0612

    /// <summary>A cohort as the catalog shows it (a user's name applied over the generated one).</summary>
    public static Cohort ToProto(CohortView cohort)
    {
        var proto = new Cohort
        {
            CohortId = cohort.Id,
            Name = cohort.Name,
            Description = cohort.Description,
            LabelSource = cohort.LabelSource,
            Pinned = cohort.Pinned,
            Size = cohort.Size,
            Members = cohort.Members,
            Rule = cohort.Rule,
            Drift = cohort.Drift is { } drift ? ToProto(drift, [.. cohort.Centroid.Select(c => c.Key)]) : null,
        };
        foreach (var (feature, mean) in cohort.Centroid)
        {
            proto.Centroid[feature] = mean;
        }

        return proto;
    }

    /// <summary>A cohort's drift, sizes and shares as changes, its per-feature movement by feature name.</summary>
    /// <param name="drift">The drift stored with the cohort.</param>
    /// <param name="features">The run's feature names, in the order of the drift's per-feature movement.</param>
    public static ProtoCohortDrift ToProto(Domain.Modeling.CohortDrift drift, IReadOnlyList<string> features)
    {
        var proto = new ProtoCohortDrift
        {
            Matched = drift.Matched,
            Movement = drift.Movement,
            TypicalSpacing = drift.Spacing,
            RelativeMovement = drift.RelativeMovement,
            PreviousSize = drift.PreviousSize,
            SizeChange = drift.Size - drift.PreviousSize,
            PreviousShare = drift.PreviousShare,
            ShareChange = drift.Share - drift.PreviousShare,
            PreviousMembers = drift.PreviousMembers,
            Kept = drift.Kept,
            KeptShare = drift.KeptShare,
            FromPreviousShare = drift.FromPreviousShare,
            MeaningChanged = drift.MeaningChanged,
            Reason = drift.ChangeReason ?? string.Empty,
            ReleasedName = drift.ReleasedName ?? string.Empty,
            ReleaseReason = drift.ReleaseReason ?? string.Empty,
        };
        foreach (var (feature, movement) in features.Zip(drift.FeatureMovement))
        {
            proto.FeatureMovement[feature] = movement;
        }

        return proto;
    }

    public static ProtoCohortSettings ToProto(DomainCohortSettings settings)
    {
        var proto = new ProtoCohortSettings { FixedK = settings.FixedK ?? 0 };
        proto.Features.AddRange(settings.Features ?? []);
        return proto;
    }

#pragma warning disable CS0612 // the deprecated string state and phase, still filled (see above)
    public static ModelTraining ToProto(ModelJobStatus status) => new()
    {
        Name = status.Name,
        TrainingState = ModelingStatusMapping.ToProto(status.State),
        State = status.State.ToString().ToLowerInvariant(),
        StartedAt = Timestamp.FromDateTimeOffset(status.StartedAt),
        FinishedAt = status.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
        Version = status.Version,
        TrainingPhase = ModelingStatusMapping.TrainingPhase(status.Phase),
        Phase = status.Phase,
        Pushed = status.Pushed,
        Customers = status.Customers,
        Problem = status.Problem ?? string.Empty,
    };
#pragma warning restore CS0612

    public static ModelVersionInfo ToProto(ModelVersion version) => new()
    {
        Name = version.Name,
        Version = version.Version,
        Kind = version.Kind,
        CreatedAt = Timestamp.FromDateTimeOffset(version.CreatedAt),
        Metrics = ParseMetrics(version.MetricsJson),
    };

    private static Struct ParseMetrics(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Struct();
        }

        using var document = JsonDocument.Parse(json);
        return Google.Protobuf.JsonParser.Default.Parse<Struct>(document.RootElement.GetRawText());
    }

    public static RecommendCohortsResponse ToProto(string goalSegmentId, Domain.Modeling.CohortRun run, Domain.Modeling.CohortRecommendations ranked, DomainCohortSettings settings)
    {
        var response = new RecommendCohortsResponse
        {
            RunId = run.RunId,
            GoalSegmentId = goalSegmentId,
            MinIndex = ranked.MinIndex,
            Members = ranked.Members,
            GoalMembers = ranked.GoalMembers,
            GoalShare = ranked.Share,
            AudienceRule = ranked.AudienceRule ?? string.Empty,
            Coverage = ranked.Coverage,
            Reach = ranked.Reach,
        };
        response.Recommended.AddRange(ranked.Recommended);
        var names = run.Cohorts.ToDictionary(c => c.Id, c => CohortCatalog.View(c, run.Features, settings, 0).Name, StringComparer.Ordinal);
        response.Cohorts.AddRange(ranked.Cohorts.Select(c => new CohortForGoal
        {
            CohortId = c.CohortId,
            Name = names.GetValueOrDefault(c.CohortId, c.CohortId),
            Members = c.Members,
            GoalMembers = c.GoalMembers,
            Share = c.Share,
            Index = c.Index,
            Recommended = c.Recommended,
        }));
        return response;
    }
}
