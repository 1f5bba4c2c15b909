using Google.Rpc;
using Grpc.Core;

namespace ActorSegments.Server.Tests;

internal static class GrpcErrors
{
    /// <summary>The fields named by the google.rpc.BadRequest in an error's status details, in order.</summary>
    public static IReadOnlyList<string> ViolatedFields(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
