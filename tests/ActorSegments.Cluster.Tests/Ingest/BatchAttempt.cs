using Grpc.Core;

namespace ActorSegments.Cluster.Tests.Ingest;

/// <summary>One TrackBatch call: which batch, through which gateway, when, and how it ended (<see cref="StatusCode.OK"/> with the answer's counts).</summary>
internal sealed record BatchAttempt(long Batch, string Gateway, DateTimeOffset Started, DateTimeOffset Ended, StatusCode Status, FailureOrigin Origin, string Detail)
{
    public bool Succeeded => Status == StatusCode.OK;

    public static BatchAttempt Failed(long batch, string gateway, DateTimeOffset started, RpcException error) =>
        new(batch, gateway, started, DateTimeOffset.UtcNow, error.StatusCode, OriginOf(error), error.Status.Detail);

    /// <summary>
    /// Whether the server answered with this status or the client made it up: a status the server sends carries no
    /// exception of the client's, one made up on a broken connection does; a deadline is the client's own bound.
    /// </summary>
    internal static FailureOrigin OriginOf(RpcException error) =>
        error.StatusCode == StatusCode.DeadlineExceeded ? FailureOrigin.Deadline
        : error.Status.DebugException is null ? FailureOrigin.Server
        : FailureOrigin.Transport;
}

internal enum FailureOrigin
{
    None,
    Server,
    Transport,
    Deadline,
}
