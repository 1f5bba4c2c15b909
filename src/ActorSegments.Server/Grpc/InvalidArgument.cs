using ActorSegments.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// INVALID_ARGUMENT with a google.rpc.BadRequest listing each bad field, and a message a person can read without
/// decoding the details.
/// </summary>
internal static class InvalidArgument
{
    private const int MaxInMessage = 5;
    private const int MaxInDetails = 100;

    public static RpcException Create(IReadOnlyList<FieldViolation> violations) => Status(violations).ToRpcException();

    /// <summary>The status itself, for answers written without a gRPC call (HTTP requests refused before transcoding).</summary>
    public static Google.Rpc.Status Status(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count);
        var shown = string.Join("; ", violations.Take(MaxInMessage));
        var more = violations.Count > MaxInMessage ? $" (and {violations.Count - MaxInMessage} more)" : string.Empty;
        var stop = more.Length == 0 && shown.EndsWith('?') ? string.Empty : "."; // after "did you mean 'x'?"
        var message = violations.Count == 1
            ? $"Invalid request: {shown}{stop} Nothing was applied."
            : $"Invalid request, {violations.Count} problems: {shown}{more}{stop} Nothing was applied.";

        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Take(MaxInDetails).Select(v => new BadRequest.Types.FieldViolation
        {
            Field = v.Field,
            Description = v.Description,
        }));

        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Any.Pack(badRequest) },
        };
    }

    public static RpcException Create(string field, string description) => Create([new FieldViolation(field, description)]);
}
