using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Experiments;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = ActorSegments.Protos.V1;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Between experiment definitions and their protobuf messages, and refused changes to statuses. The proto's field
/// names are the paths <see cref="ExperimentDefinitionCheck"/> reports violations at, so they pass through unchanged.
/// </summary>
internal static class ExperimentMapping
{
    public const string DefaultExperimentProperty = "experiment";
    public const string DefaultArmProperty = "arm";

    /// <summary>
    /// The definition the message describes; its output-only fields are ignored. Empty optional texts mean none, an
    /// empty salt the experiment id; an unspecified or unknown enum value stays out of range so the definition check
    /// reports it at its field.
    /// </summary>
    public static ExperimentDefinition ToDomain(P.Experiment experiment) => new(
        experiment.ExperimentId,
        experiment.Name,
        experiment.Channel,
        experiment.Assignment switch
        {
            P.AssignmentMode.Randomized => AssignmentMode.Randomized,
            P.AssignmentMode.External => AssignmentMode.External,
            _ => default,
        },
        Optional(experiment.Audience),
        [.. experiment.Arms.Select(a => new ExperimentArm(a.Name, a.Weight, a.Control, Optional(a.Targeting)))],
        [.. experiment.Metrics.Select(ToDomain)],
        string.IsNullOrEmpty(experiment.Salt) ? experiment.ExperimentId : experiment.Salt,
        experiment.External is { } external
            ? new ExternalAssignment(external.EventType, Optional(external.ExperimentProperty) ?? DefaultExperimentProperty, Optional(external.ArmProperty) ?? DefaultArmProperty)
            : null);

    public static P.Experiment ToProto(StoredExperiment stored)
    {
        var definition = stored.Definition;
        var experiment = new P.Experiment
        {
            ExperimentId = definition.Id,
            Name = definition.Name,
            Channel = definition.Channel,
            Assignment = definition.Mode == AssignmentMode.External ? P.AssignmentMode.External : P.AssignmentMode.Randomized,
            Audience = definition.Audience ?? string.Empty,
            Salt = definition.Salt,
            External = definition.External is { } external
                ? new P.ExternalAssignment { EventType = external.EventType, ExperimentProperty = external.ExperimentProperty, ArmProperty = external.ArmProperty }
                : null,
            Status = ToProto(stored.Status),
            Version = stored.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(stored.CreatedAt),
            StartedAt = stored.StartedAt is { } started ? Timestamp.FromDateTimeOffset(started) : null,
            StoppedAt = stored.StoppedAt is { } stopped ? Timestamp.FromDateTimeOffset(stopped) : null,
            AudienceSegmentId = ExperimentSegments.For(definition).Any(s => s.SegmentId == ExperimentNames.EligibleSegment(definition.Id))
                ? ExperimentNames.EligibleSegment(definition.Id)
                : string.Empty,
        };
        experiment.Arms.AddRange(definition.Arms.Select(a => new P.ExperimentArm
        {
            Name = a.Name,
            Weight = a.Weight,
            Control = a.Control,
            Targeting = a.Targeting ?? string.Empty,
            SegmentId = ExperimentNames.ArmSegment(definition.Id, a.Name),
        }));
        experiment.Metrics.AddRange(definition.Metrics.Select(ToProto));
        return experiment;
    }

    public static P.ExperimentMetric ToProto(ExperimentMetric metric) => new()
    {
        Name = metric.Name,
        Kind = metric.Kind switch
        {
            MetricKind.Conversion => P.MetricKind.Conversion,
            MetricKind.Revenue => P.MetricKind.Revenue,
            MetricKind.Retention => P.MetricKind.Retention,
            _ => P.MetricKind.Unspecified,
        },
        EventType = metric.EventType ?? string.Empty,
        Where = metric.Where ?? string.Empty,
        Property = metric.Property ?? string.Empty,
        Days = metric.Days,
    };

    public static P.ExperimentStatus ToProto(ExperimentStatus status) => status switch
    {
        ExperimentStatus.Draft => P.ExperimentStatus.Draft,
        ExperimentStatus.Running => P.ExperimentStatus.Running,
        ExperimentStatus.Stopped => P.ExperimentStatus.Stopped,
        _ => P.ExperimentStatus.Unspecified,
    };

    /// <summary>
    /// The status for a refused change, as segments answer: problems as INVALID_ARGUMENT with one field violation each,
    /// a stale expected version as ABORTED (reload and retry), a change the experiment's state forbids as
    /// FAILED_PRECONDITION.
    /// </summary>
    public static RpcException ToException(ExperimentChangeResult result)
    {
        if (result.Refusal == ExperimentRefusal.Invalid && result.Violations.Count > 0)
        {
            return InvalidArgument.Create(result.Violations);
        }

        var code = result.Refusal switch
        {
            ExperimentRefusal.NotFound => StatusCode.NotFound,
            ExperimentRefusal.AlreadyExists => StatusCode.AlreadyExists,
            ExperimentRefusal.VersionConflict => StatusCode.Aborted,
            ExperimentRefusal.WrongStatus or ExperimentRefusal.SegmentConflict => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        };
        return new RpcException(new Status(code, result.Problem ?? "refused"));
    }

    private static ExperimentMetric ToDomain(P.ExperimentMetric metric) => new(
        metric.Name,
        metric.Kind switch
        {
            P.MetricKind.Conversion => MetricKind.Conversion,
            P.MetricKind.Revenue => MetricKind.Revenue,
            P.MetricKind.Retention => MetricKind.Retention,
            _ => default,
        },
        Optional(metric.EventType),
        Optional(metric.Where),
        Optional(metric.Property),
        metric.Days);

    private static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
