using ActorSegments.Abstractions.Customers;
using ActorSegments.Server.Observability;
using Grpc.Core;
using Npgsql;
using Orleans.Storage;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// The one reading of a failure below the gateway: what the client is told (<see cref="ErrorMappingInterceptor"/>)
/// and how the events it carried are counted (<see cref="IngestGrpcService"/>) come from the same classification, so
/// the status a client sees and the metric an operator reads cannot disagree.
/// </summary>
internal static class Failures
{
    /// <summary>How long an overloaded server asks clients to wait: a group commit drains its queue in well under that.</summary>
    internal static readonly TimeSpan OverloadRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>What kind of failure <paramref name="ex"/> is; <paramref name="callCancelled"/>: the client cancelled or its deadline passed.</summary>
    public static FailureKind Classify(Exception ex, bool callCancelled = false) =>
        ex is OperationCanceledException && callCancelled ? FailureKind.Cancelled
        : Find<EventsNotStoredException>(ex) is { Overloaded: true } ? FailureKind.Overloaded
        : IsTransient(ex) ? FailureKind.Unavailable
        : FailureKind.Internal;

    /// <summary>Why the events of a failed request were not acknowledged: overload (retry later) or not stored (retry).</summary>
    public static RejectionReason RejectionReason(Exception ex) =>
        Classify(ex) == FailureKind.Overloaded ? Observability.RejectionReason.Overloaded : Observability.RejectionReason.NotStored;

    /// <summary>The status a client is answered with for a failure of this kind.</summary>
    public static RpcException Answer(FailureKind kind) => kind switch
    {
        FailureKind.Cancelled => new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the client or its deadline passed.")),
        // The hint is machine-readable too (google.rpc.RetryInfo), so client libraries can back off on their own.
        FailureKind.Overloaded => new Google.Rpc.Status
        {
            Code = (int)Google.Rpc.Code.ResourceExhausted,
            Message = $"The server is at its limit of work waiting to be stored; nothing from this request was acknowledged. Retry it with the same event ids after about {OverloadRetryDelay.TotalSeconds:0} s, backing off further if it persists.",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(OverloadRetryDelay) }) },
        }.ToRpcException(),
        FailureKind.Unavailable => new RpcException(new Status(StatusCode.Unavailable,
            "Storage or cluster is temporarily unavailable; nothing from this request was acknowledged. Retry it with the same event ids.")),
        _ => new RpcException(new Status(StatusCode.Internal, "Internal error; the server log has the details.")),
    };

    /// <summary>The first exception of type <typeparamref name="T"/> in <paramref name="ex"/>, its inner and aggregated exceptions.</summary>
    public static T? Find<T>(Exception ex)
        where T : Exception => ex switch
        {
            T match => match,
            AggregateException aggregate => aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null),
            _ => ex.InnerException is null ? null : Find<T>(ex.InnerException),
        };

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException or InconsistentStateException or TimeoutException or SiloUnavailableException or EventsNotStoredException => true,
        OrleansException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => ex.InnerException is not null && IsTransient(ex.InnerException),
    };
}
