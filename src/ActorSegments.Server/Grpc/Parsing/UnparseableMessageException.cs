using Grpc.Core;

namespace ActorSegments.Server.Grpc.Parsing;

/// <summary>
/// A request message that is not a valid protobuf encoding of its type (invalid UTF-8 in a string, a truncated field,
/// a zero tag): INVALID_ARGUMENT, as bad input, rather than the UNKNOWN and error log a parser exception would cause.
/// Thrown while the message is read, so before authentication on unary calls and inside the handler on streams.
/// </summary>
internal sealed class UnparseableMessageException : RpcException
{
    public UnparseableMessageException(string messageType, string reason)
        : base(new Status(StatusCode.InvalidArgument, $"The request message could not be parsed as {messageType}: {reason} Nothing was done."))
    {
        Reason = $"the message could not be parsed as {messageType}: {reason}";
    }

    /// <summary>What was wrong, for an acknowledgement that refuses the message and lets the stream go on.</summary>
    public string Reason { get; }
}
