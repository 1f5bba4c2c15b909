namespace ActorSegments.Server.Grpc;

/// <summary>How a failed call is answered (<see cref="Failures"/>).</summary>
internal enum FailureKind
{
    /// <summary>The client cancelled the call or its deadline passed: CANCELLED.</summary>
    Cancelled,

    /// <summary>The journal refused new work: RESOURCE_EXHAUSTED with a retry delay; nothing was acknowledged.</summary>
    Overloaded,

    /// <summary>Storage or the cluster failed for now: UNAVAILABLE; nothing was acknowledged, retry with the same ids.</summary>
    Unavailable,

    /// <summary>A bug: INTERNAL, with no internals in the answer.</summary>
    Internal,
}
