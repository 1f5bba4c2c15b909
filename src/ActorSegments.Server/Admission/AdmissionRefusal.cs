using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ActorSegments.Server.Admission;

/// <summary>
/// A refused ingest request: why, how long the caller should wait before retrying (the time the work in flight
/// needs to drain, bounded), and the message it gets. Nothing of the request was applied.
/// </summary>
internal sealed record AdmissionRefusal(ShedReason Reason, TimeSpan RetryAfter, string Message)
{
    /// <summary>The whole seconds of an HTTP <c>Retry-After</c> header: rounded up, at least 1.</summary>
    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>RESOURCE_EXHAUSTED with the delay as a machine-readable <c>google.rpc.RetryInfo</c>.</summary>
    public Google.Rpc.Status ToStatus() => new()
    {
        Code = (int)Code.ResourceExhausted,
        Message = Message,
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryAfter) }) },
    };

    public RpcException ToRpcException() => ToStatus().ToRpcException();
}
