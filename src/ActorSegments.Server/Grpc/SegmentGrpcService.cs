using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using ActorSegments.Server.Lifecycle;
using Grpc.Core;
using static ActorSegments.Server.Grpc.SegmentMapping;

namespace ActorSegments.Server.Grpc;

/// <summary>Segment definitions, counts, members, the change feed and overlap, each call scoped to one workspace.</summary>
internal sealed class SegmentGrpcService(
    SegmentDefinitions definitions,
    SegmentReader reader,
    SegmentPreviewer previewer,
    ISegmentMembers members,
    IMembershipFeed feed,
    IFeedSignal signal,
    TimeProvider time,
    ServingGate gate) : SegmentService.SegmentServiceBase
{
    /// <summary>How often a caught-up watch looks for changes when no signal comes (signals can be lost).</summary>
    internal static readonly TimeSpan WatchPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How soon a watch looks again after a signal whose changes it could not read yet.</summary>
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(2);

    private const int MaxOverlapSegments = 10;

    public override Task<Segment> CreateSegment(CreateSegmentRequest request, ServerCallContext context) =>
        SaveAsync(request.WorkspaceId, request.SegmentId, request.Rule, expectedVersion: 0, context);

    public override Task<Segment> UpdateSegment(UpdateSegmentRequest request, ServerCallContext context)
    {
        if (request.ExpectedVersion < 0)
        {
            throw InvalidArgument.Create("expected_version", $"must be 0 (overwrite) or the version the change was made against (got {request.ExpectedVersion})");
        }

        return SaveAsync(request.WorkspaceId, request.SegmentId, request.Rule, request.ExpectedVersion == 0 ? null : request.ExpectedVersion, context, mustExist: true);
    }

    public override async Task<DeleteSegmentResponse> DeleteSegment(DeleteSegmentRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Admin);
        var result = await definitions.DeleteAsync(request.WorkspaceId, request.SegmentId, context.CancellationToken);
        return result.Succeeded ? new DeleteSegmentResponse() : throw ToException(result);
    }

    public override async Task<ValidateSegmentResponse> ValidateSegment(ValidateSegmentRequest request, ServerCallContext context)
    {
        var segmentId = string.IsNullOrEmpty(request.SegmentId) ? "segment-being-validated" : request.SegmentId;
        RequestChecks.Ids(request.WorkspaceId, segmentId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var result = await definitions.ValidateAsync(request.WorkspaceId, segmentId, request.Rule, context.CancellationToken);
        var response = new ValidateSegmentResponse { Valid = result.Succeeded };
        response.Problems.AddRange(result.Diagnostics.Select(ToProto));
        if (result.Problem is { } problem)
        {
            response.Problems.Add(new RuleProblem { Line = 1, Column = 1, Message = problem });
        }

        return response;
    }

    public override async Task<PreviewSegmentResponse> PreviewSegment(PreviewSegmentRequest request, ServerCallContext context)
    {
        var segmentId = string.IsNullOrEmpty(request.SegmentId) ? "segment-being-previewed" : request.SegmentId;
        RequestChecks.Ids(request.WorkspaceId, segmentId);
        var sampleSize = RequestChecks.Count(request.SampleSize, "sample_size", SegmentPreviewer.DefaultSampleSize, SegmentPreviewer.MaxSampleSize);
        var matchesShown = RequestChecks.Count(request.MaxMatches, "max_matches", SegmentPreviewer.DefaultMatchesShown, SegmentPreviewer.MaxMatchesShown);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var preview = await previewer.PreviewAsync(request.WorkspaceId, segmentId, request.Rule, sampleSize, matchesShown, context.CancellationToken);
        return preview.Refusal is { } refusal ? throw ToException(refusal) : ToProto(preview);
    }

    public override async Task<Segment> GetSegment(GetSegmentRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        return ToProto(await StatsAsync(request.WorkspaceId, request.SegmentId));
    }

    public override async Task<ListSegmentVersionsResponse> ListSegmentVersions(ListSegmentVersionsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        await StatsAsync(request.WorkspaceId, request.SegmentId);
        var response = new ListSegmentVersionsResponse();
        response.Versions.AddRange((await definitions.ListVersionsAsync(request.WorkspaceId, request.SegmentId, context.CancellationToken)).Select(v => new Protos.V1.SegmentVersion
        {
            Version = v.Version,
            Rule = v.Rule,
            SavedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(v.SavedAt),
        }));
        return response;
    }

    public override async Task<ListSegmentsResponse> ListSegments(ListSegmentsRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var response = new ListSegmentsResponse();
        response.Segments.AddRange((await reader.ListAsync(request.WorkspaceId, context.CancellationToken)).Select(ToProto));
        return response;
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        var pageSize = RequestChecks.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        await StatsAsync(request.WorkspaceId, request.SegmentId);

        // One more than asked tells whether another page follows without a second query.
        var page = await members.PageAsync(request.WorkspaceId, request.SegmentId, after, pageSize + 1, context.CancellationToken);
        var response = new ListMembersResponse();
        response.Members.AddRange(page.Take(pageSize).Select(m => new Protos.V1.SegmentMember
        {
            CustomerId = m.CustomerId,
            Since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(m.Since),
        }));
        response.NextPageToken = page.Count > pageSize ? PageToken.Encode(page[pageSize - 1].CustomerId) : string.Empty;
        return response;
    }

    public override async Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        var pageSize = RequestChecks.PageSize(request.PageSize);
        var cursor = Cursor(request.Cursor, "cursor");
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        await StatsAsync(request.WorkspaceId, request.SegmentId);

        // The head is read first: a change committed between the two reads is after the head, so a full sync that
        // starts from the head still sees it.
        var head = await feed.HeadAsync(request.WorkspaceId, context.CancellationToken);
        var page = await ReadChangesAsync(request.WorkspaceId, request.SegmentId, cursor, pageSize, context.CancellationToken);
        var response = new ListChangesResponse { NextCursor = page.Next.ToToken(), HeadCursor = head.ToToken() };
        response.Changes.AddRange(page.Changes.Select(ToProto));
        return response;
    }

    public override async Task WatchChanges(WatchChangesRequest request, IServerStreamWriter<MembershipChange> responseStream, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        var cursor = Cursor(request.Cursor, "cursor");
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        await StatsAsync(request.WorkspaceId, request.SegmentId);
        // The stream also ends when the server starts refusing calls (the client resumes from its cursor elsewhere).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, gate.Refusing);
        var token = stop.Token;
        TimeSpan? unread = null; // after a signal whose changes were not readable yet: how soon to look again
        try
        {
            while (!token.IsCancellationRequested)
            {
                // Taken before reading, so a commit between the read and the wait still wakes us.
                var signalled = signal.NextSignal(request.WorkspaceId);
                var page = await ReadChangesAsync(request.WorkspaceId, request.SegmentId, cursor, RequestChecks.DefaultPageSize, token);
                foreach (var change in page.Changes)
                {
                    await responseStream.WriteAsync(ToProto(change), token);
                }

                cursor = page.Next;
                if (page.Changes.Count == RequestChecks.DefaultPageSize)
                {
                    continue;
                }

                // A signalled change may not be readable at once (on PostgreSQL, while an older transaction still
                // runs): look again soon, backing off to the slow poll that covers lost signals.
                unread = page.Changes.Count > 0 || unread is null || unread.Value * 2 > WatchPollInterval ? null : unread.Value * 2;
                if (await WaitAsync(signalled, unread ?? WatchPollInterval, token))
                {
                    unread = FirstRetry;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream simply ends.
        }
    }

    /// <summary>A page of the feed; INVALID_ARGUMENT for a cursor beyond its head, which no response ever carried.</summary>
    private async Task<FeedPage> ReadChangesAsync(string workspaceId, string segmentId, FeedCursor after, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return await feed.ReadAsync(workspaceId, segmentId, after, limit, cancellationToken);
        }
        catch (FeedCursorBeyondHeadException beyond)
        {
            throw InvalidArgument.Create("cursor", $"is beyond the head of the feed ({beyond.Head.ToToken()}), where no cursor this server issued can be: it was made up, or comes from another database or from a dev-mode server since restarted. Start over with an empty cursor (a full sync)");
        }
    }

    /// <summary>True when the signal came, false when <paramref name="timeout"/> passed first.</summary>
    private async Task<bool> WaitAsync(Task signalled, TimeSpan timeout, CancellationToken token)
    {
        try
        {
            await signalled.WaitAsync(timeout, time, token);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public override async Task<GetOverlapResponse> GetOverlap(GetOverlapRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId);
        var ids = request.SegmentIds.ToList();
        if (ids.Count is < 2 or > MaxOverlapSegments || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw InvalidArgument.Create("segment_ids", $"must name 2 to {MaxOverlapSegments} distinct segments (got {ids.Count}, {ids.Distinct(StringComparer.Ordinal).Count()} distinct)");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (Domain.Validation.Identifiers.CheckSegmentId(ids[i], SegmentDefinitions.MaxSegmentIdLength) is { } problem)
            {
                throw InvalidArgument.Create($"segment_ids[{i}]", problem);
            }
        }

        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        foreach (var id in ids)
        {
            await StatsAsync(request.WorkspaceId, id);
        }

        var overlap = await members.OverlapAsync(request.WorkspaceId, ids, context.CancellationToken);
        var response = new GetOverlapResponse { Intersection = overlap.Intersection, Union = overlap.Union, Jaccard = overlap.Jaccard };
        response.Sizes.AddRange(ids.Select(id => new SegmentSize { SegmentId = id, Members = overlap.Sizes.GetValueOrDefault(id) }));
        return response;
    }

    private async Task<Segment> SaveAsync(string workspaceId, string segmentId, string rule, int? expectedVersion, ServerCallContext context, bool mustExist = false)
    {
        RequestChecks.Ids(workspaceId, segmentId);
        context.Demand(workspaceId, ApiKeyScopes.Admin);
        if (mustExist && expectedVersion is null)
        {
            await StatsAsync(workspaceId, segmentId);
        }

        var result = await definitions.SaveAsync(workspaceId, segmentId, rule, expectedVersion, context.CancellationToken);
        return result.Succeeded ? ToProto(await StatsAsync(workspaceId, segmentId)) : throw ToException(result);
    }

    private async Task<SegmentStats> StatsAsync(string workspaceId, string segmentId) =>
        await reader.FindAsync(workspaceId, segmentId)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"Segment '{segmentId}' does not exist in workspace '{workspaceId}'."));
}
