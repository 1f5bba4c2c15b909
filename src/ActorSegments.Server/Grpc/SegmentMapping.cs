using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Grains.Segments;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SegmentStatus = ActorSegments.Domain.Storage.SegmentStatus;

namespace ActorSegments.Server.Grpc;

/// <summary>Between segment domain records and their protobuf messages, and refusals to statuses.</summary>
internal static class SegmentMapping
{
    public static Segment ToProto(SegmentStats stats) => new()
    {
        WorkspaceId = stats.WorkspaceId,
        SegmentId = stats.SegmentId,
        Rule = stats.Rule,
        Version = stats.Version,
        Status = ToProto(stats.Status),
        Members = stats.Members,
        BackfillDone = stats.BackfillDone,
        BackfillTotal = stats.BackfillTotal,
        UpdatedAt = Timestamp.FromDateTimeOffset(stats.UpdatedAt),
    };

    public static Protos.V1.SegmentStatus ToProto(SegmentStatus status) => status switch
    {
        SegmentStatus.Pending => Protos.V1.SegmentStatus.Pending,
        SegmentStatus.Backfilling => Protos.V1.SegmentStatus.Backfilling,
        SegmentStatus.Live => Protos.V1.SegmentStatus.Live,
        _ => Protos.V1.SegmentStatus.Unspecified,
    };

    public static MembershipChange ToProto(FeedChange change) => new()
    {
        CustomerId = change.CustomerId,
        Entered = change.Entered,
        ChangedAt = Timestamp.FromDateTimeOffset(change.ChangedAt),
        Cause = (ChangeCause)(int)change.Cause,
        Cursor = change.Cursor.ToToken(),
        LoggedAt = Timestamp.FromDateTimeOffset(change.LoggedAt),
        Sequence = change.Cursor.Position,
    };

    /// <summary>A preview that was not refused (it has an estimate).</summary>
    public static PreviewSegmentResponse ToProto(SegmentPreview preview)
    {
        var estimate = preview.Estimate!;
        var response = new PreviewSegmentResponse
        {
            Customers = estimate.Customers,
            Evaluated = estimate.Evaluated,
            Matched = estimate.Matched,
            EstimatedMembers = estimate.Estimate,
            EstimateLow = estimate.Low,
            EstimateHigh = estimate.High,
            Exact = estimate.Exact,
            EvaluatedAt = Timestamp.FromDateTimeOffset(preview.EvaluatedAt),
        };
        response.SampleCustomerIds.AddRange(preview.Matches);
        return response;
    }

    public static RuleProblem ToProto(RuleDiagnostic diagnostic) => new()
    {
        Line = diagnostic.Line,
        Column = diagnostic.Column,
        Length = diagnostic.Length,
        Message = diagnostic.Message,
    };

    /// <summary>The status for a refused save: rule problems as field violations named <c>rule:LINE:COLUMN</c>.</summary>
    public static RpcException ToException(SegmentSaveResult result)
    {
        if (result.Diagnostics.Count > 0)
        {
            return InvalidArgument.Create([.. result.Diagnostics.Select(d => new FieldViolation($"rule:{d.Line}:{d.Column}", d.Message))]);
        }

        var code = result.Refusal switch
        {
            SegmentRefusal.NotFound => StatusCode.NotFound,
            SegmentRefusal.AlreadyExists => StatusCode.AlreadyExists,
            SegmentRefusal.VersionConflict => StatusCode.Aborted,
            SegmentRefusal.Conflict => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        };
        return new RpcException(new Status(code, result.Problem ?? "refused"));
    }

    public static FeedCursor Cursor(string token, string field) =>
        FeedCursor.TryParse(token, out var cursor)
            ? cursor
            : throw InvalidArgument.Create(field, "is not a cursor this server issued; pass a cursor from a previous response, or empty to start from the beginning");
}
