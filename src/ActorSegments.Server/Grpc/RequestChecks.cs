using ActorSegments.Domain.Validation;
using ActorSegments.Grains.Segments;

namespace ActorSegments.Server.Grpc;

/// <summary>Validation shared by the read and management services: ids and page sizes, reported per field.</summary>
internal static class RequestChecks
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 10_000;

    /// <summary>
    /// INVALID_ARGUMENT unless the workspace id (and the segment and customer ids, when given) are well formed. A
    /// customer id is checked by the lookup rule: an id stored before the write rule tightened stays readable.
    /// </summary>
    public static void Ids(string workspaceId, string? segmentId = null, string? customerId = null)
    {
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("workspace_id", Identifiers.CheckWorkspaceId(workspaceId, EventLimits.Default.MaxWorkspaceIdLength));
        if (segmentId is not null)
        {
            violations.AddIfProblem("segment_id", Identifiers.CheckSegmentId(segmentId, SegmentDefinitions.MaxSegmentIdLength));
        }

        if (customerId is not null)
        {
            violations.AddIfProblem("customer_id", Identifiers.CheckOpaqueIdForLookup(customerId, EventLimits.Default.MaxCustomerIdLength));
        }

        if (violations.Count > 0)
        {
            throw InvalidArgument.Create(violations);
        }
    }

    /// <summary>The page size asked for, 0 meaning the default; INVALID_ARGUMENT outside 0 to <see cref="MaxPageSize"/>.</summary>
    public static int PageSize(int requested) => Count(requested, "page_size", DefaultPageSize, MaxPageSize);

    /// <summary>A count a caller may leave unset (0 for <paramref name="unset"/>) or give from 1 to <paramref name="max"/>.</summary>
    public static int Count(int requested, string field, int unset, int max) => requested switch
    {
        0 => unset,
        > 0 when requested <= max => requested,
        _ => throw InvalidArgument.Create(field, $"must be between 1 and {max}, or 0 for {unset} (got {requested})"),
    };
}
